package io.eventcontracts.codegen.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcontracts.codegen.model.AdditionalProperties;
import io.eventcontracts.codegen.model.AnyType;
import io.eventcontracts.codegen.model.ConstType;
import io.eventcontracts.codegen.model.Contract;
import io.eventcontracts.codegen.model.ContractFormat;
import io.eventcontracts.codegen.model.ContractKind;
import io.eventcontracts.codegen.model.ContractSet;
import io.eventcontracts.codegen.model.DataType;
import io.eventcontracts.codegen.model.Dialect;
import io.eventcontracts.codegen.model.EnumType;
import io.eventcontracts.codegen.model.Field;
import io.eventcontracts.codegen.model.ListType;
import io.eventcontracts.codegen.model.MapType;
import io.eventcontracts.codegen.model.ObjectType;
import io.eventcontracts.codegen.model.PrimitiveType;
import io.eventcontracts.codegen.model.ServiceDeclaration;
import io.eventcontracts.codegen.model.TypeRef;
import io.eventcontracts.codegen.model.UnionType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTML and AsyncAPI renderings of hand-built models: every type label, union kind, escaping and edge case. */
class CatalogRenderingTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static Contract event(String name, String subject, String bundlePath, String id, DataType root,
      Map<String, DataType> defs, String content, ServiceDeclaration services) {
    return new Contract(name, ContractKind.EVENT, subject, 2, id, "About <" + name + ">", ContractFormat.JSON_SCHEMA,
        Dialect.DRAFT_07, null, bundlePath, root, defs, "0", () -> content.getBytes(StandardCharsets.UTF_8),
        services);
  }

  static Contract type(String name, String bundlePath, String id, DataType root, Map<String, DataType> defs,
      String content) {
    return new Contract(name, ContractKind.TYPE, null, 1, id, null, ContractFormat.JSON_SCHEMA, null, null,
        bundlePath, root, defs, "0", () -> content.getBytes(StandardCharsets.UTF_8));
  }

  static Field f(String name, DataType type, boolean required, boolean nullable) {
    return new Field(name, type, required, nullable, "doc of " + name, null);
  }

  static final EnumType COLOR = new EnumType("Color", List.of("red", "<blue>"), "Colors.", null);
  static final ObjectType MONEY = new ObjectType("Money", List.of(f("amount", PrimitiveType.DECIMAL, true, false)),
      AdditionalProperties.OPEN, null, null);
  static final ObjectType INNER = new ObjectType("Money", List.of(), AdditionalProperties.typed(PrimitiveType.LONG),
      "Inner.", null);
  static final UnionType VALUE_UNION = new UnionType("Amount", List.of(new UnionType.Branch(PrimitiveType.STRING,
      null), new UnionType.Branch(PrimitiveType.INTEGER, null)), null, false, null, null);
  static final UnionType DEDUCED = new UnionType("Who", List.of(new UnionType.Branch(MONEY, null),
      new UnionType.Branch(INNER, null)), null, true, "Who.", null);
  static final UnionType TAGGED = new UnionType("Tagged", List.of(new UnionType.Branch(MONEY, "m&m")), "kind", true,
      null, null);

  final Contract shared = type("Shared", "common/shared.json", "https://x.test/common/shared.json",
      COLOR, Map.of("/$defs/Money", MONEY, "/$defs/Limit", PrimitiveType.INTEGER),
      "{\"$id\":\"https://x.test/common/shared.json\",\"enum\":[\"red\",\"<blue>\"],\"$defs\":{}}");
  final ObjectType root = new ObjectType("Thing", List.of(
      f("s", PrimitiveType.STRING, true, true),
      f("i", PrimitiveType.INTEGER, false, false),
      f("l", PrimitiveType.LONG, false, false),
      f("b", PrimitiveType.BIG_INTEGER, false, false),
      f("d", PrimitiveType.DECIMAL, false, false),
      f("x", PrimitiveType.DOUBLE, false, false),
      f("ok", PrimitiveType.BOOLEAN, false, false),
      f("at", PrimitiveType.DATE_TIME, false, false),
      f("on", PrimitiveType.DATE, false, false),
      f("raw", PrimitiveType.BYTES, false, false),
      f("k", new ConstType(PrimitiveType.STRING, "\"k<\""), false, false),
      f("free", new AnyType(""), false, false),
      f("odd", new AnyType("a <reason>"), false, false),
      f("tags", new ListType(COLOR), false, false),
      f("byName", new MapType(INNER), false, false),
      f("amount", VALUE_UNION, false, false),
      f("who", DEDUCED, false, false),
      f("tagged", TAGGED, false, false),
      f("color", new TypeRef("https://x.test/common/shared.json", ""), false, false),
      f("money", new TypeRef("https://x.test/common/shared.json", "/$defs/Money"), false, false),
      f("limit", new TypeRef("https://x.test/common/shared.json", "/$defs/Limit"), false, false),
      f("self", new TypeRef("https://x.test/thing.json", "/$defs/Local"), false, false),
      f("lost", new TypeRef("https://x.test/nowhere.json", "/$defs/X"), false, false),
      f("gone", new TypeRef("https://x.test/common/shared.json", "/$defs/Nope"), false, false)),
      AdditionalProperties.CLOSED, "About <Thing>", null);
  final Contract thing = event("Thing", "thing:done", "thing.json", "https://x.test/thing.json", root,
      Map.of("/$defs/Local", PrimitiveType.STRING),
      "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"$id\":\"https://x.test/thing.json\","
          + "\"properties\":{\"color\":{\"$ref\":\"common/shared.json\"},\"$ref\":{\"$ref\":\"#/$defs/Local\"},"
          + "\"money\":{\"$ref\":\"common/shared.json#/$defs/Money\"},\"anchor\":{\"$ref\":\"#here\"},"
          + "\"remote\":{\"$ref\":\"https://elsewhere.test/x.json\"},\"e\":{\"enum\":[{\"$ref\":\"keep\"}]},"
          + "\"list\":{\"items\":[{\"$ref\":\"#/$defs/Local\"}]}},\"$defs\":{\"Local\":{\"type\":\"string\"}}}",
      new ServiceDeclaration(List.of("maker"), List.of("reader", "auditor")));
  final Contract quiet = event("Quiet", "quiet:done", "sub dir/quiet.json", "https://x.test/sub%20dir/quiet.json",
      new ObjectType("Quiet", List.of(), AdditionalProperties.OPEN, null, null), Map.of(), "{}",
      ServiceDeclaration.NONE);
  final Contract clash = event("Quiet", "quiet:again", "sub dir.quiet.json", "https://x.test/q2.json",
      new ObjectType("Q", List.of(), AdditionalProperties.OPEN, null, null), Map.of(), "not json",
      ServiceDeclaration.NONE);
  final ContractSet set = new ContractSet(List.of(thing, shared, quiet, clash));
  final HtmlCatalogGenerator html = new HtmlCatalogGenerator(set, "Cat & <Dog>", "api.json");

  String page(Contract c) {
    return html.generate().stream().filter(f -> f.relativePath().equals(html.page(c))).findFirst().orElseThrow()
        .text();
  }

  @Test
  void pageNamesComeFromBundlePathsAndStayDistinct() {
    assertThat(html.page(thing)).isEqualTo("contracts/thing.html");
    assertThat(html.page(shared)).isEqualTo("contracts/common.shared.html");
    // contracts come in bundle-path order: "sub dir.quiet.json" before "sub dir/quiet.json"
    assertThat(html.page(clash)).isEqualTo("contracts/sub_dir.quiet.html");
    assertThat(html.page(quiet)).isEqualTo("contracts/sub_dir.quiet-2.html");
    assertThat(html.generate()).extracting(CatalogFile::relativePath).contains("schemas/sub dir/quiet.json");
    assertThat(page(thing)).contains("<a href=\"../schemas/thing.json\">thing.json</a>");
    assertThat(page(quiet)).contains("<a href=\"../schemas/sub%20dir/quiet.json\">sub dir/quiet.json</a>");
  }

  @Test
  void everyTypeHasItsLabel() {
    String p = page(thing);
    assertThat(p)
        .contains("<td><code>s</code></td><td>string | <code>null</code></td><td>required</td><td>yes</td>")
        .contains("<td><code>i</code></td><td>integer <small>(32-bit)</small></td><td>optional</td><td>no</td>")
        .contains("<td>integer <small>(64-bit)</small></td>")
        .contains("<td><code>b</code></td><td>integer</td>")
        .contains("<td>number <small>(decimal)</small></td>")
        .contains("<td>number <small>(double)</small></td>")
        .contains("<td><code>ok</code></td><td>boolean</td>")
        .contains("<td>string <small>(date-time)</small></td>")
        .contains("<td>string <small>(date)</small></td>")
        .contains("<td>string <small>(base64 bytes)</small></td>")
        .contains("<td>constant <code>&quot;k&lt;&quot;</code></td>")
        .contains("<td><code>free</code></td><td>any JSON value</td>")
        .contains("<td>any JSON value <small>(a &lt;reason&gt;)</small></td>")
        .contains("<td>list of <a href=\"#type-Color\">Color</a></td>")
        .contains("<td>map of string to <a href=\"#type-Money\">Money</a></td>")
        .contains("<td><a href=\"#type-Amount\">Amount</a></td>")
        .contains("<td><code>color</code></td><td><a href=\"common.shared.html#type-Color\">Color</a></td>")
        .contains("<td><code>money</code></td><td><a href=\"common.shared.html#type-Money\">Money</a></td>")
        .contains("<td><code>limit</code></td><td>integer <small>(32-bit)</small> <small>(<a href=\""
            + "common.shared.html\">Shared</a>)</small></td>")
        .contains("<td><code>self</code></td><td>string</td>")
        .contains("<td><code>lost</code></td><td><code>https://x.test/nowhere.json#/$defs/X</code></td>")
        .contains("<td><code>gone</code></td><td><code>https://x.test/common/shared.json#/$defs/Nope</code></td>");
  }

  @Test
  void namedTypesGetSectionsWithDistinctIds() {
    String p = page(thing);
    assertThat(p).contains("<section class=\"type\" id=\"type-Thing\">\n<h3>Thing <small>object, the payload</small>")
        .contains("<section class=\"type\" id=\"type-Color\">\n<h3>Color <small>enum</small></h3>\n"
            + "<p class=\"doc\">Colors.</p>\n<p>One of:</p>\n<ul class=\"values\">\n<li><code>red</code></li>\n"
            + "<li><code>&lt;blue&gt;</code></li>")
        .contains("id=\"type-Money\"").contains("id=\"type-Money-2\"")
        .contains("<h3>Money <small>object</small></h3>\n<p class=\"doc\">Inner.</p>")
        .contains("<tr><td colspan=\"6\">no declared properties</td></tr>")
        .contains("Other properties: allowed, each value integer <small>(64-bit)</small>")
        .contains("Other properties: allowed, any value (the object is open)")
        .contains("Other properties: not allowed (<code>additionalProperties: false</code>)")
        .doesNotContain("<h3>Thing <small>object, the payload</small></h3>\n<p class=\"doc\">");
    assertThat(page(shared)).contains("<h3>Color <small>enum, the payload</small></h3>")
        .contains("<section class=\"type\" id=\"type-Money\">");
  }

  @Test
  void unionsSayHowTheBranchIsTold() {
    String p = page(thing);
    assertThat(p).contains("<h3>Amount <small>union</small></h3>\n<p>At least one of these branches "
            + "(<code>anyOf</code>); the branch is told by the kind of JSON value.</p>")
        .contains("<h3>Who <small>union</small></h3>\n<p class=\"doc\">Who.</p>\n<p>Exactly one of these branches "
            + "(<code>oneOf</code>); the branch is told by the required properties only it declares.</p>")
        .contains("the branch is told by the property <code>kind</code>.</p>\n<table><thead><tr><th>Branch</th>"
            + "<th><code>kind</code></th></tr></thead>\n<tbody>\n<tr><td><a href=\"#type-Money-2\">Money</a></td>"
            + "<td><code>m&amp;m</code></td></tr>")
        .contains("<tr><td>string</td></tr>\n<tr><td>integer <small>(32-bit)</small></td></tr>");
  }

  @Test
  void indexEscapesAndListsServices() {
    String index = html.generate().stream().filter(f -> f.relativePath().equals("index.html")).findFirst()
        .orElseThrow().text();
    assertThat(index).contains("<title>Cat &amp; &lt;Dog&gt;</title>").contains("<h1>Cat &amp; &lt;Dog&gt;</h1>")
        .contains("<p>3 events, 1 shared type. <a href=\"api.json\">AsyncAPI 3.0 document</a></p>")
        .contains("<td>maker</td><td>reader, auditor</td><td class=\"doc\">About &lt;Thing&gt;</td>")
        .contains("<td><span class=\"none\">not declared</span></td>")
        .contains("<tr><td id=\"service-auditor\">auditor</td><td>&mdash;</td><td><a href=\"contracts/thing.html\">"
            + "<code>thing:done</code></a></td></tr>")
        .contains("<tr><td id=\"service-maker\">maker</td><td><a href=\"contracts/thing.html\"><code>thing:done"
            + "</code></a></td><td>&mdash;</td></tr>")
        .contains("<a href=\"contracts/common.shared.html\">Shared</a></td><td>1</td>")
        .doesNotContain("<script");
    assertThat(page(thing)).contains("<title>thing:done \u2014 Cat &amp; &lt;Dog&gt;</title>")
        .contains("<dt>Format</dt><dd>json-schema draft-07</dd>")
        .contains("<dt>Contract</dt><dd>Thing (event)</dd>")
        .contains("<dt>Version</dt><dd>2</dd>")
        .contains("<a href=\"../api.json\">AsyncAPI document</a>")
        .contains("<p class=\"caveat\">").contains("<li>odd: a &lt;reason&gt;</li>");
    assertThat(page(shared)).contains("<h1>Shared</h1>").contains("<dt>Format</dt><dd>json-schema</dd>")
        .doesNotContain("Published by");
  }

  @Test
  void anEmptySetSaysSo() {
    ContractSet none = new ContractSet(List.of());
    String index = index(new HtmlCatalogGenerator(none, "Empty", null));
    assertThat(index).contains("<p>0 events, 0 shared types.</p>").contains("<p>No event contracts.</p>")
        .contains("<p>No shared type contracts.</p>").contains("No contract declares its publishers or consumers");
    ContractSet one = new ContractSet(List.of(quiet));
    assertThat(index(new HtmlCatalogGenerator(one, "One", null))).contains("1 event, 0 shared");
  }

  static String index(HtmlCatalogGenerator g) {
    return g.generate().stream().filter(f -> f.relativePath().equals("index.html")).findFirst().orElseThrow()
        .text();
  }

  @Test
  void aPayloadThatIsNoNamedTypeIsDescribedInOneLine() {
    Contract scalar = type("Count", "count.json", "urn:count", PrimitiveType.INTEGER, Map.of(), "{}");
    HtmlCatalogGenerator g = new HtmlCatalogGenerator(new ContractSet(List.of(scalar)), "T", null);
    assertThat(g.generate().stream().filter(f -> f.relativePath().equals("contracts/count.html")).findFirst()
        .orElseThrow().text()).contains("<p>The payload is integer <small>(32-bit)</small>.</p>")
        .doesNotContain("AsyncAPI document");
  }

  // -------------------------------------------------------------------------------------------------- AsyncAPI

  @Test
  void asyncApiEmbedsRewritesAndDeclares() throws Exception {
    AsyncApiGenerator g = new AsyncApiGenerator(set);
    JsonNode doc = JSON.readTree(g.generate("T", "9", null));
    assertThat(doc.path("info").has("description")).isFalse();
    assertThat(doc.path("info").path("version").asText()).isEqualTo("9");
    JsonNode schema = doc.at("/components/schemas/Thing/schema");
    assertThat(schema.has("$schema")).isFalse();
    assertThat(schema.has("$id")).isFalse();
    assertThat(schema.at("/properties/color/$ref").asText()).isEqualTo("#/components/schemas/Shared/schema");
    assertThat(schema.at("/properties/money/$ref").asText())
        .isEqualTo("#/components/schemas/Shared/schema/$defs/Money");
    assertThat(schema.at("/properties/$ref/$ref").asText()).as("a property named $ref is a name, not a keyword")
        .isEqualTo("#/components/schemas/Thing/schema/$defs/Local");
    assertThat(schema.at("/properties/anchor/$ref").asText()).isEqualTo("#here");
    assertThat(schema.at("/properties/remote/$ref").asText()).isEqualTo("https://elsewhere.test/x.json");
    assertThat(schema.at("/properties/e/enum/0/$ref").asText()).as("data is left alone").isEqualTo("keep");
    assertThat(schema.at("/properties/list/items/0/$ref").asText())
        .isEqualTo("#/components/schemas/Thing/schema/$defs/Local");
    assertThat(doc.at("/components/schemas/Thing/schemaFormat").asText())
        .isEqualTo("application/schema+json;version=draft-07");
    assertThat(doc.at("/components/schemas/Shared/schemaFormat").asText())
        .isEqualTo("application/schema+json;version=2020-12");
    // bundle-path order: the clashing "sub dir.quiet.json" is keyed first
    assertThat(doc.at("/components/schemas/Quiet/schema").asText()).as("not JSON: embedded as text")
        .isEqualTo("not json");
    assertThat(doc.at("/components/schemas/Quiet_2/schema").isObject()).isTrue();
    assertThat(doc.at("/components/messages/Quiet_2/name").asText()).isEqualTo("Quiet");
    assertThat(doc.at("/components/messages/Thing/title").asText()).isEqualTo("Thing v2");
    assertThat(doc.at("/components/messages/Thing/x-eventcontracts-version").asInt()).isEqualTo(2);
    assertThat(doc.at("/components/messages/Thing/description").asText()).isEqualTo("About <Thing>");
    List<String> ops = JSON.convertValue(doc.path("operations").fieldNames(), List.class);
    assertThat(ops).containsExactly("auditor.receive.thing:done", "maker.send.thing:done",
        "reader.receive.thing:done");
    assertThat(doc.at("/operations/maker.send.thing:done/title").asText()).isEqualTo("maker publishes thing:done");
    assertThat(doc.at("/operations/reader.receive.thing:done/title").asText())
        .isEqualTo("reader consumes thing:done");
    assertThat(doc.at("/operations/reader.receive.thing:done/tags/0/name").asText()).isEqualTo("reader");

    JsonNode quietOnly = JSON.readTree(new AsyncApiGenerator(new ContractSet(List.of(quiet))).generate("T", "1",
        "d"));
    assertThat(quietOnly.has("operations")).as("no declarations, no operations").isFalse();
    assertThat(quietOnly.at("/info/description").asText()).isEqualTo("d");
    assertThat(quietOnly.at("/channels/quiet:done/description").asText()).isEqualTo("About <Quiet>");
  }

  @Test
  void schemaFormatsAndPointerTokens() {
    Contract proto = new Contract("P", ContractKind.EVENT, "p:q", 1, "urn:p", null, ContractFormat.PROTOBUF, null,
        null, "p.proto", MONEY, Map.of(), "0", () -> new byte[0]);
    assertThat(AsyncApiGenerator.schemaFormat(proto)).isEqualTo("application/vnd.google.protobuf;version=3");
    assertThat(AsyncApiGenerator.schemaFormat(shared)).isEqualTo("application/schema+json;version=2020-12");
    assertThat(AsyncApiGenerator.pointerToken("a/b~c:d")).isEqualTo("a~1b~0c:d");
    assertThat(AsyncApiGenerator.pointerToken("a b%")).isEqualTo("a%20b%25");
    AsyncApiGenerator g = new AsyncApiGenerator(set);
    assertThat(g.target("::not a uri", thing)).isEqualTo("::not a uri");
    assertThat(g.target("", thing)).isEqualTo("#/components/schemas/Thing/schema");
    assertThat(g.target("#", thing)).isEqualTo("#/components/schemas/Thing/schema");
  }

  @Test
  void htmlHelpers() {
    assertThat(Html.esc(null)).isEmpty();
    assertThat(Html.esc("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f");
    assertThat(Html.path("a b/c#d.json")).isEqualTo("a%20b/c%23d.json");
    assertThat(Html.slug("Az09._-")).isEqualTo("Az09._-");
    assertThat(Html.slug("a b/c:d")).isEqualTo("a_b_c_d");
    assertThat(Html.slug("")).isEqualTo("_");
  }

  @Test
  void requestsCheckTheFileNameAndFillDefaults() {
    CatalogRequest r = new CatalogRequest(List.of(), Path.of("o"), "t", "v", null, null);
    assertThat(r.asyncApiFileName()).isEqualTo("asyncapi.json");
    assertThat(r.defaultDialect()).isEqualTo(Dialect.DRAFT_2020_12);
    for (String bad : List.of(" ", "a/b.json", "a\\b.json", "index.html")) {
      assertThatThrownBy(() -> new CatalogRequest(List.of(), Path.of("o"), "t", "v", bad, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("AsyncAPI file name \"" + bad + "\" must be a plain file name other than index.html; use e.g. "
              + "asyncapi.json");
    }
    assertThat(new CatalogResult(Path.of("i"), Path.of("a"), List.of(), 1, 2, List.of()).summary())
        .isEqualTo("eventcontracts: catalog of 1 event and 2 types written to i and a");
    assertThat(new CatalogFile("x", "é".getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("é");
  }
}
