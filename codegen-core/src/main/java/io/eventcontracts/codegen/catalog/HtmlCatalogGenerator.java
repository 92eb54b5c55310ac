package io.eventcontracts.codegen.catalog;

import static io.eventcontracts.codegen.catalog.Html.esc;

import io.eventcontracts.codegen.model.AdditionalProperties;
import io.eventcontracts.codegen.model.AnyType;
import io.eventcontracts.codegen.model.ConstType;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.DataType;
import io.eventcontracts.codegen.model.EnumType;
import io.eventcontracts.codegen.model.Field;
import io.eventcontracts.codegen.model.ListType;
import io.eventcontracts.codegen.model.MapType;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.PrimitiveType;
import io.eventcontracts.codegen.model.TypeRef;
import io.eventcontracts.codegen.model.UnionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders the static HTML catalog of a contract set: {@value #INDEX} (every event with its subject, version,
 * publishers and consumers; every shared type; every declared service), one page per contract under
 * {@value #PAGES} (metadata, description, an example payload, one table per named type with each property's type,
 * presence, nullability, constraints and description; unions with their branches and discriminator; enums with their
 * values), and a copy of each contract file under {@value #SCHEMAS} that the pages link to.
 *
 * <p>The pages need nothing from the network (inline CSS, no scripts) and every link is relative, so the directory
 * can be opened from disk or served as is. All contract text is HTML-escaped. Same contracts, same bytes.
 */
public final class HtmlCatalogGenerator {

  /** The index page. */
  public static final String INDEX = "index.html";
  /** Folder of the contract pages. */
  public static final String PAGES = "contracts/";
  /** Folder of the contract file copies. */
  public static final String SCHEMAS = "schemas/";

  private final ContractSet contracts;
  private final String title;
  private final String asyncApiFile;
  private final ExamplePayloads examples;
  private final Map<Contract, String> pages = new LinkedHashMap<>();
  private final Map<Contract, Map<DataType, String>> anchors = new HashMap<>();

  /**
   * A generator for one contract set.
   *
   * @param contracts the contracts
   * @param title the catalog's title (the index page's heading)
   * @param asyncApiFile the AsyncAPI document's path relative to the catalog directory, linked from every page;
   *     {@code null} when there is none
   */
  public HtmlCatalogGenerator(ContractSet contracts, String title, String asyncApiFile) {
    this.contracts = contracts;
    this.title = title;
    this.asyncApiFile = asyncApiFile;
    this.examples = new ExamplePayloads(contracts);
    Set<String> used = new HashSet<>();
    for (Contract c : contracts.contracts()) {
      String base = Html.slug(c.bundlePath().replaceFirst("\\.json$", "").replace('/', '.'));
      String page = base + ".html";
      for (int i = 2; !used.add(page); i++) {
        page = base + "-" + i + ".html";
      }
      pages.put(c, page);
      anchors.put(c, namedTypes(c));
    }
  }

  /** The relative path of a contract's page ({@code contracts/ticket-created.html}). */
  public String page(Contract contract) {
    return PAGES + pages.get(contract);
  }

  /** The index, one page per contract, and the contract file copies, sorted by path. */
  public List<CatalogFile> generate() {
    List<CatalogFile> files = new ArrayList<>();
    files.add(CatalogFile.text(INDEX, index()));
    for (Contract c : contracts.contracts()) {
      files.add(CatalogFile.text(page(c), contractPage(c)));
      files.add(new CatalogFile(SCHEMAS + c.bundlePath(), c.document().content()));
    }
    files.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
    return files;
  }

  // ------------------------------------------------------------------------------------------------- index

  private String index() {
    StringBuilder h = new StringBuilder();
    head(h, title);
    h.append("<header><h1>").append(esc(title)).append("</h1>\n<p>").append(contracts.events().size())
        .append(contracts.events().size() == 1 ? " event, " : " events, ").append(contracts.types().size())
        .append(contracts.types().size() == 1 ? " shared type." : " shared types.");
    if (asyncApiFile != null) {
      h.append(" <a href=\"").append(esc(Html.path(asyncApiFile))).append("\">AsyncAPI 3.0 document</a>");
    }
    h.append("</p></header>\n<main>\n");

    h.append("<section id=\"events\"><h2>Events</h2>\n");
    if (contracts.events().isEmpty()) {
      h.append("<p>No event contracts.</p>\n");
    } else {
      h.append("<table><thead><tr><th>Subject</th><th>Contract</th><th>Version</th><th>Published by</th>"
          + "<th>Consumed by</th><th>Description</th></tr></thead>\n<tbody>\n");
      for (Contract c : contracts.events()) {
        h.append("<tr><td><a href=\"").append(esc(Html.path(page(c)))).append("\"><code>").append(esc(c.subject()))
            .append("</code></a></td><td>").append(esc(c.name())).append("</td><td>").append(c.version())
            .append("</td><td>").append(services(c.services().publishers())).append("</td><td>")
            .append(services(c.services().consumers())).append("</td><td class=\"doc\">")
            .append(esc(c.description())).append("</td></tr>\n");
      }
      h.append("</tbody></table>\n");
    }
    h.append("</section>\n");

    h.append("<section id=\"types\"><h2>Shared types</h2>\n");
    if (contracts.types().isEmpty()) {
      h.append("<p>No shared type contracts.</p>\n");
    } else {
      h.append("<table><thead><tr><th>Type</th><th>Version</th><th>Description</th></tr></thead>\n<tbody>\n");
      for (Contract c : contracts.types()) {
        h.append("<tr><td><a href=\"").append(esc(Html.path(page(c)))).append("\">").append(esc(c.name()))
            .append("</a></td><td>").append(c.version()).append("</td><td class=\"doc\">")
            .append(esc(c.description())).append("</td></tr>\n");
      }
      h.append("</tbody></table>\n");
    }
    h.append("</section>\n");

    Map<String, List<Contract>> publishes = new TreeMap<>();
    Map<String, List<Contract>> consumes = new TreeMap<>();
    for (Contract c : contracts.events()) {
      c.services().publishers().forEach(s -> publishes.computeIfAbsent(s, k -> new ArrayList<>()).add(c));
      c.services().consumers().forEach(s -> consumes.computeIfAbsent(s, k -> new ArrayList<>()).add(c));
    }
    Set<String> services = new TreeSet<>(publishes.keySet());
    services.addAll(consumes.keySet());
    h.append("<section id=\"services\"><h2>Services</h2>\n");
    if (services.isEmpty()) {
      h.append("<p>No contract declares its publishers or consumers (<code>x-publishers</code>, "
          + "<code>x-consumers</code>).</p>\n");
    } else {
      h.append("<table><thead><tr><th>Service</th><th>Publishes</th><th>Consumes</th></tr></thead>\n<tbody>\n");
      for (String s : services) {
        h.append("<tr><td id=\"service-").append(esc(Html.slug(s))).append("\">").append(esc(s)).append("</td><td>")
            .append(subjects(publishes.getOrDefault(s, List.of()))).append("</td><td>")
            .append(subjects(consumes.getOrDefault(s, List.of()))).append("</td></tr>\n");
      }
      h.append("</tbody></table>\n");
    }
    h.append("</section>\n</main>\n");
    return tail(h);
  }

  private String subjects(List<Contract> events) {
    List<String> links = new ArrayList<>();
    for (Contract c : events) {
      links.add("<a href=\"" + esc(Html.path(page(c))) + "\"><code>" + esc(c.subject()) + "</code></a>");
    }
    return links.isEmpty() ? "&mdash;" : String.join(", ", links);
  }

  private static String services(List<String> names) {
    if (names.isEmpty()) {
      return "<span class=\"none\">not declared</span>";
    }
    List<String> out = new ArrayList<>();
    names.forEach(n -> out.add(esc(n)));
    return String.join(", ", out);
  }

  // ------------------------------------------------------------------------------------------------- contract page

  private String contractPage(Contract c) {
    StringBuilder h = new StringBuilder();
    String heading = c.isEvent() ? c.subject() : c.name();
    head(h, heading + " \u2014 " + title);
    h.append("<nav><a href=\"../").append(INDEX).append("\">All contracts</a>");
    if (asyncApiFile != null) {
      h.append(" \u00b7 <a href=\"../").append(esc(Html.path(asyncApiFile))).append("\">AsyncAPI document</a>");
    }
    h.append("</nav>\n<header><h1>").append(c.isEvent() ? "<code>" + esc(c.subject()) + "</code>" : esc(c.name()))
        .append("</h1>\n");
    if (c.description() != null) {
      h.append("<p class=\"doc\">").append(esc(c.description())).append("</p>\n");
    }
    h.append("</header>\n<main>\n<dl>\n");
    if (c.isEvent()) {
      dl(h, "Subject", "<code>" + esc(c.subject()) + "</code>");
    }
    dl(h, "Contract", esc(c.name()) + " (" + esc(c.kind().wireName()) + ")");
    dl(h, "Version", String.valueOf(c.version()));
    dl(h, "Id", "<code>" + esc(c.id()) + "</code>");
    dl(h, "Format", esc(c.format().wireName()) + (c.dialect() == null ? "" : " " + esc(c.dialect().shortName())));
    dl(h, "Source", "<a href=\"../" + esc(Html.path(SCHEMAS + c.bundlePath())) + "\">" + esc(c.bundlePath())
        + "</a>");
    if (c.isEvent()) {
      dl(h, "Published by", services(c.services().publishers()));
      dl(h, "Consumed by", services(c.services().consumers()));
    }
    h.append("</dl>\n");

    ExamplePayloads.Example example = examples.exampleOf(c);
    h.append("<section id=\"example\"><h2>Example payload</h2>\n");
    if (example.untyped().isEmpty()) {
      h.append("<p>Generated from the contract; valid against it.</p>\n");
    } else {
      h.append("<p class=\"caveat\">Generated from the contract, but it holds values the contract model does not "
          + "type, so it may not validate:</p>\n<ul>\n");
      example.untyped().forEach(u -> h.append("<li>").append(esc(u)).append("</li>\n"));
      h.append("</ul>\n");
    }
    h.append("<pre><code>").append(esc(ExamplePayloads.pretty(example.payload()))).append("</code></pre>\n</section>\n");

    h.append("<section id=\"types\"><h2>").append(c.isEvent() ? "Payload and types" : "Types").append("</h2>\n");
    Map<DataType, String> named = anchors.get(c);
    if (named.isEmpty()) {
      h.append("<p>The payload is ").append(label(c.rootType(), false, c)).append(".</p>\n");
    }
    for (Map.Entry<DataType, String> e : named.entrySet()) {
      typeSection(h, e.getKey(), e.getValue(), e.getKey() == c.rootType(), c);
    }
    h.append("</section>\n</main>\n");
    return tail(h);
  }

  private static void dl(StringBuilder h, String term, String html) {
    h.append("<dt>").append(esc(term)).append("</dt><dd>").append(html).append("</dd>\n");
  }

  private void typeSection(StringBuilder h, DataType type, String anchor, boolean root, Contract c) {
    h.append("<section class=\"type\" id=\"").append(esc(anchor)).append("\">\n<h3>");
    if (type instanceof ObjectType o) {
      h.append(esc(o.name())).append(" <small>object").append(root ? ", the payload" : "").append("</small></h3>\n");
      if (!(root && java.util.Objects.equals(o.description(), c.description()))) {
        doc(h, o.description()); // the root's description is the contract's, shown above
      }
      h.append("<table><thead><tr><th>Property</th><th>Type</th><th>Required</th><th>Null allowed</th>"
          + "<th>Constraints</th><th>Description</th></tr></thead>\n<tbody>\n");
      for (Field f : o.fields()) {
        h.append("<tr><td><code>").append(esc(f.name())).append("</code></td><td>")
            .append(label(f.type(), f.nullable(), c)).append("</td><td>").append(f.required() ? "required" : "optional")
            .append("</td><td>").append(f.nullable() ? "yes" : "no").append("</td><td>")
            .append(esc(f.constraints().describe())).append("</td><td class=\"doc\">").append(esc(f.description()))
            .append("</td></tr>\n");
      }
      if (o.fields().isEmpty()) {
        h.append("<tr><td colspan=\"6\">no declared properties</td></tr>\n");
      }
      h.append("</tbody></table>\n<p class=\"extra\">Other properties: ").append(additional(o, c)).append("</p>\n");
    } else if (type instanceof EnumType e) {
      h.append(esc(e.name())).append(" <small>enum").append(root ? ", the payload" : "").append("</small></h3>\n");
      doc(h, e.description());
      h.append("<p>One of:</p>\n<ul class=\"values\">\n");
      e.values().forEach(v -> h.append("<li><code>").append(esc(v)).append("</code></li>\n"));
      h.append("</ul>\n");
    } else if (type instanceof UnionType u) {
      h.append(esc(u.name())).append(" <small>union").append(root ? ", the payload" : "").append("</small></h3>\n");
      doc(h, u.description());
      h.append("<p>").append(u.exclusive() ? "Exactly one of these branches (<code>oneOf</code>)"
          : "At least one of these branches (<code>anyOf</code>)").append("; ");
      if (u.discriminator() != null) {
        h.append("the branch is told by the property <code>").append(esc(u.discriminator())).append("</code>.");
      } else if (u.branches().stream().allMatch(b -> b.type() instanceof PrimitiveType)) {
        h.append("the branch is told by the kind of JSON value.");
      } else {
        h.append("the branch is told by the required properties only it declares.");
      }
      h.append("</p>\n<table><thead><tr><th>Branch</th>")
          .append(u.discriminator() != null ? "<th><code>" + esc(u.discriminator()) + "</code></th>" : "")
          .append("</tr></thead>\n<tbody>\n");
      for (UnionType.Branch b : u.branches()) {
        h.append("<tr><td>").append(label(b.type(), false, c)).append("</td>");
        if (u.discriminator() != null) {
          h.append("<td><code>").append(esc(b.discriminatorValue())).append("</code></td>");
        }
        h.append("</tr>\n");
      }
      h.append("</tbody></table>\n");
    } else {
      throw new IllegalStateException("not a named type: " + type);
    }
    h.append("</section>\n");
  }

  private String additional(ObjectType o, Contract c) {
    AdditionalProperties a = o.additionalProperties();
    return switch (a.kind()) {
      case OPEN -> "allowed, any value (the object is open)";
      case CLOSED -> "not allowed (<code>additionalProperties: false</code>)";
      case TYPED -> "allowed, each value " + label(a.valueType(), false, c);
    };
  }

  private static void doc(StringBuilder h, String description) {
    if (description != null) {
      h.append("<p class=\"doc\">").append(esc(description)).append("</p>\n");
    }
  }

  /** A type as HTML: its name linked to its section (or to another contract's page), nullability as "| null". */
  String label(DataType type, boolean nullable, Contract c) {
    String text;
    if (type instanceof PrimitiveType p) {
      text = primitive(p);
    } else if (type instanceof ConstType k) {
      text = "constant <code>" + esc(k.json()) + "</code>";
    } else if (type instanceof AnyType a) {
      text = "any JSON value" + (a.reason().isEmpty() ? "" : " <small>(" + esc(a.reason()) + ")</small>");
    } else if (type instanceof ListType l) {
      text = "list of " + label(l.element(), false, c);
    } else if (type instanceof MapType m) {
      text = "map of string to " + label(m.value(), false, c);
    } else if (type instanceof TypeRef r) {
      text = reference(r, c);
    } else {
      text = link(c, type, name(type));
    }
    return nullable ? text + " | <code>null</code>" : text;
  }

  private String link(Contract c, DataType type, String name) {
    String anchor = anchors.get(c).get(type);
    return anchor == null ? esc(name) : "<a href=\"#" + esc(anchor) + "\">" + esc(name) + "</a>";
  }

  private String reference(TypeRef r, Contract from) {
    Contract target = contracts.byId(r.contractId()).orElse(null);
    DataType type;
    try {
      type = target == null ? null : contracts.resolve(r);
    } catch (IllegalArgumentException e) {
      type = null;
    }
    if (target == null || type == null) {
      return "<code>" + esc(r.contractId() + (r.isRoot() ? "" : "#" + r.definition())) + "</code>";
    }
    String name = name(type);
    String anchor = anchors.get(target).get(type);
    if (name == null) {
      String inner = label(type, false, target);
      return target == from ? inner : inner + " <small>(<a href=\"" + esc(Html.path(pages.get(target))) + "\">"
          + esc(target.name()) + "</a>)</small>";
    }
    String href = (target == from ? "" : Html.path(pages.get(target))) + (anchor == null ? "" : "#" + anchor);
    return "<a href=\"" + esc(href.isEmpty() ? "#" : href) + "\">" + esc(name) + "</a>";
  }

  private static String primitive(PrimitiveType p) {
    return switch (p) {
      case STRING -> "string";
      case INTEGER -> "integer <small>(32-bit)</small>";
      case LONG -> "integer <small>(64-bit)</small>";
      case BIG_INTEGER -> "integer";
      case DECIMAL -> "number <small>(decimal)</small>";
      case DOUBLE -> "number <small>(double)</small>";
      case BOOLEAN -> "boolean";
      case DATE_TIME -> "string <small>(date-time)</small>";
      case DATE -> "string <small>(date)</small>";
      case BYTES -> "string <small>(base64 bytes)</small>";
    };
  }

  // ------------------------------------------------------------------------------------------------- named types

  /** The named types of a contract, root first, then definitions, each with its section id; by identity. */
  private static Map<DataType, String> namedTypes(Contract c) {
    Map<DataType, String> found = new IdentityHashMap<>();
    List<DataType> order = new ArrayList<>();
    collect(c.rootType(), found, order);
    c.definitions().values().forEach(t -> collect(t, found, order));
    Map<DataType, String> anchors = new IdentityHashMap<>();
    Set<String> used = new HashSet<>(Set.of("example", "types"));
    for (DataType t : order) {
      String base = "type-" + Html.slug(name(t));
      String anchor = base;
      for (int i = 2; !used.add(anchor); i++) {
        anchor = base + "-" + i;
      }
      anchors.put(t, anchor);
    }
    // insertion order for rendering, identity for lookups
    return new OrderedIdentityMap(order, anchors);
  }

  private static void collect(DataType type, Map<DataType, String> found, List<DataType> order) {
    if (type == null) {
      return;
    }
    if (type instanceof ObjectType o) {
      if (found.put(o, "") == null) {
        order.add(o);
        o.fields().forEach(f -> collect(f.type(), found, order));
        collect(o.additionalProperties().valueType(), found, order);
      }
    } else if (type instanceof EnumType e) {
      if (found.put(e, "") == null) {
        order.add(e);
      }
    } else if (type instanceof UnionType u) {
      if (found.put(u, "") == null) {
        order.add(u);
        u.branches().forEach(b -> collect(b.type(), found, order));
      }
    } else if (type instanceof ListType l) {
      collect(l.element(), found, order);
    } else if (type instanceof MapType m) {
      collect(m.value(), found, order);
    }
  }

  /** The name of a named type; {@code null} for other types. */
  private static String name(DataType type) {
    if (type instanceof ObjectType o) {
      return o.name();
    } else if (type instanceof EnumType e) {
      return e.name();
    } else if (type instanceof UnionType u) {
      return u.name();
    }
    return null;
  }

  /** An identity map that iterates in a given order. */
  private static final class OrderedIdentityMap extends java.util.AbstractMap<DataType, String> {
    private final List<DataType> order;
    private final Map<DataType, String> values;

    OrderedIdentityMap(List<DataType> order, Map<DataType, String> values) {
      this.order = List.copyOf(order);
      this.values = values;
    }

    @Override
    public String get(Object key) {
      return values.get(key);
    }

    @Override
    public Set<Entry<DataType, String>> entrySet() {
      Set<Entry<DataType, String>> entries = new java.util.LinkedHashSet<>();
      order.forEach(t -> entries.add(new java.util.AbstractMap.SimpleImmutableEntry<>(t, values.get(t))));
      return entries;
    }
  }

  // ------------------------------------------------------------------------------------------------- frame

  private static void head(StringBuilder h, String pageTitle) {
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<link rel=\"icon\" href=\"data:,\">\n<title>").append(esc(pageTitle)).append("</title>\n<style>\n")
        .append(CSS).append("</style>\n</head>\n<body>\n");
  }

  private static String tail(StringBuilder h) {
    h.append("<footer>Generated by eventcontracts from the contract files; edit those, not this page.</footer>\n")
        .append("</body>\n</html>\n");
    return h.toString();
  }

  private static final String CSS = """
      body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 2rem; color: #1b1f24; }
      h1 code, h1 { font-size: 1.7rem; }
      h3 small, td small { color: #57606a; font-weight: normal; }
      nav { margin-bottom: 1rem; }
      table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
      th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
      th { background: #f6f8fa; }
      .doc { white-space: pre-line; }
      .none { color: #8c959f; font-style: italic; }
      .extra { color: #57606a; }
      .caveat { color: #9a6700; }
      pre { background: #f6f8fa; padding: 0.75rem; overflow-x: auto; }
      dl { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
      dt { font-weight: 600; }
      dd { margin: 0; }
      section.type { border-top: 1px solid #d0d7de; margin-top: 1rem; }
      footer { margin-top: 2rem; color: #8c959f; font-size: 0.85rem; }
      """;
}
