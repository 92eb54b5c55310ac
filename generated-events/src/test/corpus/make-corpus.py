#!/usr/bin/env python3
"""Writes agreement-corpus.jsonl: payloads aimed at where JSON Schema validators differ, each with the verdict the
one documented reading (docs/typescript.md) gives. The Java receive path and the TypeScript validator must both give
exactly that verdict on every sample (generated-events' AgreementCorpusTest). Re-run after editing:
    python3 generated-events/src/test/corpus/make-corpus.py
Each line: {"name", "subject", "valid", "text"} (UTF-8 payload text) or {"name", "subject", "valid", "base64"} (raw bytes);
a large text is stored small: "fills": [[unit, count], ...] replace the markers @@FILL0@@, @@FILL1@@, ... of "text" by
unit repeated count times."""
import base64, json, os

samples = []
names = set()

def add(name, subject, valid, text=None, raw=None, fills=None):
    assert name not in names, name
    names.add(name)
    s = {"name": name, "subject": subject, "valid": valid}
    if fills:
        s["fills"] = fills
    if raw is not None:
        s["base64"] = base64.b64encode(raw).decode()
    else:
        s["text"] = text
    samples.append(s)

def with_raw(base, key, raw, path=()):
    """base as JSON text with base[path..][key] replaced by the raw JSON token `raw` (None removes it)."""
    doc = json.loads(json.dumps(base))
    target = doc
    for p in path:
        target = target[p]
    if raw is None:
        target.pop(key, None)
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    target[key] = "\u0000RAW\u0000"
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).replace('"\\u0000RAW\\u0000"', raw)

ACCOUNT = {"id": "123e4567-e89b-12d3-a456-426614174000", "openedAt": "2024-05-01T10:00:00Z", "handle": "abc",
           "balance": 19.99}
PAYMENT = {"amount": 10.5, "method": {"type": "card", "last4": "1234"}, "reference": None}
TICKET = {"id": "t1", "version": 0, "title": "concert", "price": 20, "userId": "u1"}
ORDER = {"id": "o1", "version": 0, "status": "created", "userId": "u1", "expiresAt": "2024-05-01T10:15:00.000Z",
         "ticket": {"id": "t1", "price": 20}}

def acc(name, key, raw, valid):
    add("account/" + name, "account:opened", valid, with_raw(ACCOUNT, key, raw))

def s(v):
    return json.dumps(v, ensure_ascii=False)

# --- date-time (RFC 3339, java.time.OffsetDateTime's range) -------------------------------------------------------
for n, v, ok in [
    ("utc-Z", "2024-05-01T10:00:00Z", True), ("lower-t-z", "2024-05-01t10:00:00z", True),
    ("offset+02:00", "2024-05-01T10:00:00+02:00", True), ("offset-00:00", "2024-05-01T10:00:00-00:00", True),
    ("offset-05:30", "2024-05-01T10:00:00-05:30", True), ("fraction-1", "2024-05-01T10:00:00.1Z", True),
    ("fraction-3", "2024-05-01T10:00:00.123Z", True), ("fraction-9", "2024-05-01T10:00:00.123456789Z", True),
    ("fraction-10", "2024-05-01T10:00:00.1234567891Z", False), ("offset+18:00", "2024-05-01T10:00:00+18:00", True),
    ("offset-18:00", "2024-05-01T10:00:00-18:00", True), ("offset+18:01", "2024-05-01T10:00:00+18:01", False),
    ("offset+19:00", "2024-05-01T10:00:00+19:00", False), ("offset-23:59", "2024-05-01T10:00:00-23:59", False),
    ("offset+0200", "2024-05-01T10:00:00+0200", False), ("offset+02", "2024-05-01T10:00:00+02", False),
    ("space-separator", "2024-05-01 10:00:00Z", False), ("no-offset", "2024-05-01T10:00:00", False),
    ("leap-second", "2016-12-31T23:59:60Z", False), ("feb-29-leap", "2024-02-29T00:00:00Z", True),
    ("feb-29-non-leap", "2023-02-29T00:00:00Z", False), ("feb-29-1900", "1900-02-29T00:00:00Z", False),
    ("feb-29-2000", "2000-02-29T00:00:00Z", True), ("month-13", "2024-13-01T00:00:00Z", False),
    ("month-00", "2024-00-01T00:00:00Z", False), ("day-32", "2024-01-32T00:00:00Z", False),
    ("day-00", "2024-01-00T00:00:00Z", False), ("apr-31", "2024-04-31T00:00:00Z", False),
    ("hour-24", "2024-05-01T24:00:00Z", False), ("minute-60", "2024-05-01T10:60:00Z", False),
    ("second-59", "2024-05-01T23:59:59Z", True), ("no-seconds", "2024-05-01T10:00Z", False),
    ("date-only", "2024-05-01", False), ("one-digit-month", "2024-5-01T10:00:00Z", False),
    ("leading-space", " 2024-05-01T10:00:00Z", False), ("trailing-space", "2024-05-01T10:00:00Z ", False),
    ("trailing-newline", "2024-05-01T10:00:00Z\n", False), ("comma-fraction", "2024-05-01T10:00:00,5Z", False),
    ("empty-fraction", "2024-05-01T10:00:00.Z", False), ("offset-minute-60", "2024-05-01T10:00:00+02:60", False),
    ("offset-seconds", "2024-05-01T10:00:00+02:00:00", False), ("year-0000", "0000-01-01T00:00:00Z", True),
    ("year-9999", "9999-12-31T23:59:59.999999999Z", True), ("year-5-digits", "10000-01-01T00:00:00Z", False),
    ("fullwidth-digits", "\uff12\uff10\uff12\uff14-05-01T10:00:00Z", False),
    ("arabic-digits", "\u0662\u0660\u0662\u0664-05-01T10:00:00Z", False),
    ("utc-word", "2024-05-01T10:00:00UTC", False), ("js-toISOString", "2024-05-01T10:00:00.000Z", True),
    ("negative-year", "-2024-05-01T10:00:00Z", False), ("T-only", "T10:00:00Z", False),
]:
    acc("date-time/" + n, "openedAt", s(v), ok)
add("order/date-time/js-iso", "order:created", True, with_raw(ORDER, "expiresAt", s("2030-01-01T00:00:00.000Z")))
add("order/date-time/offset", "order:created", True, with_raw(ORDER, "expiresAt", s("2030-01-01T01:00:00+01:00")))
add("order/date-time/+0100", "order:created", False, with_raw(ORDER, "expiresAt", s("2030-01-01T01:00:00+0100")))
add("order/date-time/space", "order:created", False, with_raw(ORDER, "expiresAt", s("2030-01-01 00:00:00Z")))
add("order/date-time/10-fraction", "order:created", False,
    with_raw(ORDER, "expiresAt", s("2030-01-01T00:00:00.0000000001Z")))
add("order/date-time/offset-19", "order:created", False, with_raw(ORDER, "expiresAt", s("2030-01-01T00:00:00+19:00")))

# --- date ----------------------------------------------------------------------------------------------------------
for n, v, ok in [("plain", "1990-07-15", True), ("leap", "2000-02-29", True), ("non-leap", "2001-02-29", False),
                 ("with-time", "1990-07-15T00:00:00Z", False), ("slashes", "1990/07/15", False),
                 ("short-year", "90-07-15", False), ("month-13", "1990-13-15", False), ("day-31-jun", "1990-06-31", False),
                 ("trailing-newline", "1990-07-15\n", False), ("year-0000", "0000-01-01", True)]:
    acc("date/" + n, "birthDate", s(v), ok)

# --- uuid ----------------------------------------------------------------------------------------------------------
for n, v, ok in [("lower", "123e4567-e89b-12d3-a456-426614174000", True),
                 ("upper", "123E4567-E89B-12D3-A456-426614174000", True),
                 ("mixed", "123e4567-E89b-12d3-A456-426614174000", True),
                 ("nil", "00000000-0000-0000-0000-000000000000", True),
                 ("max", "ffffffff-ffff-ffff-ffff-ffffffffffff", True),
                 ("v7", "01890a5d-ac96-774b-bcce-b302099a8057", True),
                 ("urn-prefix", "urn:uuid:123e4567-e89b-12d3-a456-426614174000", False),
                 ("braces", "{123e4567-e89b-12d3-a456-426614174000}", False),
                 ("no-hyphens", "123e4567e89b12d3a456426614174000", False),
                 ("35-chars", "123e4567-e89b-12d3-a456-42661417400", False),
                 ("37-chars", "123e4567-e89b-12d3-a456-4266141740000", False),
                 ("non-hex-g", "123e4567-e89b-12d3-a456-42661417400g", False),
                 ("hyphen-moved", "123e456-7e89b-12d3-a456-426614174000", False),
                 ("trailing-newline", "123e4567-e89b-12d3-a456-426614174000\n", False),
                 ("leading-space", " 123e4567-e89b-12d3-a456-426614174000", False),
                 ("fullwidth-digit", "\uff1123e4567-e89b-12d3-a456-426614174000", False),
                 ("empty", "", False)]:
    acc("uuid/" + n, "id", s(v), ok)

# --- pattern: ECMA-262 regex with the u flag ---------------------------------------------------------------------
for n, v, ok in [("ascii", "abc", True), ("nbsp", "a\u00a0b", False), ("em-space", "a\u2003b", False),
                 ("ideographic-space", "a\u3000b", False), ("bom-inside", "a\ufeffb", False),
                 ("line-separator", "a\u2028b", False), ("paragraph-separator", "a\u2029b", False),
                 ("nel-U+0085", "a\u0085b", True), ("mongolian-vowel-sep", "a\u180eb", True),
                 ("zero-width-space", "a\u200bb", True), ("tab", "a\tb", False), ("space", "a b", False),
                 ("vertical-tab", "a\u000bb", False), ("form-feed", "a\u000cb", False), ("emoji", "\U0001F600", True),
                 ("newline-end", "abc\n", False), ("cr-end", "abc\r", False), ("ogham-space", "a\u1680b", False),
                 ("narrow-nbsp", "a\u202fb", False), ("medium-math-space", "a\u205fb", False),
                 ("hair-space", "a\u200ab", False), ("U+001C-file-sep", "a\u001cb", True)]:
    acc("pattern-S/" + n, "handle", s(v), ok)
for n, v, ok in [("four-ascii", "abcd", True), ("five-ascii", "abcde", False), ("nel", "\u0085", True),
                 ("line-separator", "a\u2028", False), ("cr", "a\rb", False), ("lf", "a\nb", False),
                 ("four-emoji", "\U0001F600" * 4, True), ("five-emoji", "\U0001F600" * 5, False),
                 ("combining-2", "e\u0301e\u0301", True), ("combining-3", "e\u0301e\u0301e\u0301", False),
                 ("precomposed-4", "\u00e9\u00e9\u00e9\u00e9", True), ("trailing-lf", "abc\n", False),
                 ("empty", "", False), ("U+2027", "\u2027", True), ("astral-cjk", "\U00020000\U00020001", True)]:
    acc("pattern-dot/" + n, "label", s(v), ok)
for n, v, ok in [("ascii", "abc1", True), ("accent", "\u00e91", False), ("arabic-digit", "a\u0661", False),
                 ("underscore", "_9", True), ("fullwidth-digit", "a\uff11", False), ("greek", "\u03b1\u03b21", False),
                 ("digit-only", "1", False), ("two-digits", "12", True)]:
    acc("pattern-w/" + n, "word", s(v), ok)
for n, v, ok in [("digits", "4242", True), ("three", "424", False), ("arabic", "\u0664\u0662\u0664\u0662", False),
                 ("fullwidth", "\uff14\uff12\uff14\uff12", False), ("trailing-lf", "4242\n", False)]:
    add("payment/last4/" + n, "payment:made", ok, with_raw(PAYMENT, "last4", s(v), ("method",)))

# --- lengths count code points ----------------------------------------------------------------------------------
for n, v, ok in [("8-ascii", "abcdefgh", True), ("9-ascii", "abcdefghi", False), ("8-emoji", "\U0001F600" * 8, True),
                 ("9-emoji", "\U0001F600" * 9, False), ("4-emoji-8-units", "\U0001F600" * 4, True),
                 ("8-combining-marks", "e\u0301" * 4, True), ("9-code-points-combining", "e\u0301" * 4 + "x", False),
                 ("skin-tone-4x2", "\U0001F44D\U0001F3FD" * 4, True), ("skin-tone-5x2", "\U0001F44D\U0001F3FD" * 5, False),
                 ("flag-4x2", "\U0001F1E9\U0001F1EA" * 4, True), ("zwj-family", "\U0001F468\u200d\U0001F469\u200d\U0001F467", True),
                 ("empty", "", False), ("astral-cjk-8", "\U00020000" * 8, True), ("escaped-surrogate-pair", None, True)]:
    if v is None:
        acc("length/" + n, "handle", '"\\ud83d\\ude00\\ud83d\\ude00"', ok)
    else:
        acc("length/" + n, "handle", s(v), ok)
for n, v, ok in [("5", "abcde", True), ("6", "abcdef", False), ("5-emoji", "\U0001F600" * 5, True),
                 ("6-emoji", "\U0001F600" * 6, False), ("null", None, True)]:
    acc("note-length/" + n, "note", "null" if v is None else s(v), ok)

# --- numbers: exact decimals, the JavaScript number rule, multipleOf ------------------------------------------------
cents_ok = ["19.99", "0.07", "0.29", "0.57", "1.13", "4.35", "9.95", "16.15", "32.3", "1.1", "0.3", "100", "1e2",
            "1E2", "2.5e1", "1e-2", "0.01", "123456.78", "99999999.99", "0", "-0", "0.0", "-0.0", "0e5",
            "1.10", "19.990", "0.10", "1.005e1", "70.03", "8.2", "2.675", "0.615e1"]
cents_ok = [c for c in cents_ok if c not in ("2.675",)]
for c in cents_ok:
    acc("multipleOf-0.01/ok " + c, "balance", c, True)
for c in ["1.005", "0.001", "19.999", "0.30000000000000004", "2.675", "0.015", "1e-3", "123456.789", "-0.01",
          "-1", "0.1e-1e", "1.0000000000000000001", "19.990000000000000001", "1e400", "-1e-400", "0.1e-400"]:
    valid = False
    if c == "0.1e-1e":
        acc("multipleOf-0.01/syntax " + c, "balance", c, False)
        continue
    acc("multipleOf-0.01/bad " + c, "balance", c, valid)
for c in range(1, 100, 3):
    add("payment/amount/cents 0.%02d" % c, "payment:made", True, with_raw(PAYMENT, "amount", "0.%02d" % c))
for c, ok in [("0", False), ("-0", False), ("0.0", False), ("1e-2", True), ("5e-324", False), ("0.005", False)]:
    add("payment/amount/" + c, "payment:made", ok, with_raw(PAYMENT, "amount", c))
for c, ok in [("0.001", True), ("0.999", True), ("1", True), ("1.0", True), ("1.001", False), ("0.0005", False),
              ("0", False), ("0.123", True), ("0.1234", False), ("1e-3", True), ("0.3", True), ("0.7", True)]:
    acc("rate/" + c, "rate", c, ok)
# integer kinds
for c, ok in [("0", True), ("1.0", True), ("1e2", True), ("1E+2", True), ("-0", True), ("2147483647", True),
              ("2147483648", False), ("1.5", False), ("-1", False), ("1e400", False), ("1.0000000000000000001", False),
              ("2.147483647e9", True), ("1e0", True), ("100.000", True)]:
    acc("count/" + c, "count", c, ok)
for c, ok in [("9007199254740991", True), ("-9007199254740991", True), ("9007199254740992", True),
              ("9007199254740993", True), ("9223372036854775807", True), ("9223372036854776000", False),
              ("-9223372036854775808", True), ("-9223372036854776000", False), ("1e18", True), ("9223372036854775808", False),
              ("1152921504606846976", True), ("1152921504606847000", True), ("123456789012345678", True),
              ("123456789012345680", True), ("9.007199254740991e15", True), ("1.5", False), ("4611686018427387904", True),
              ("4611686018427388000", True)]:
    acc("serial/" + c, "serial", c, ok)
for c, ok in [("0", True), ("1e21", True), ("1e300", True), ("1e308", True), ("1.7976931348623157e308", True),
              ("1.7976931348623159e308", False), ("1e309", False), ("123456789012345678901234567890", True),
              ("1.2345678901234568e29", True), ("-1e300", True), ("1.5e300", True), ("1e-5", False), ("2.5", False),
              ("1.0e21", True), ("100000000000000000000000", True), ("99999999999999991611392", True), ("1e23", True),
              ("1.00000000000000000000001e23", False), ("-123456789012345678901234567890", True)]:
    acc("limit/" + c, "limit", c, ok)
for c, ok in [("20", True), ("19.99", True), ("0", True), ("-0", True), ("-0.01", False), ("1e400", False),
              ("0.1", True), ("0.30000000000000004", True), ("0.1000000000000000055511151231257827", False),
              ("5e-324", True), ("4.9e-324", False), ("2.2250738585072014e-308", True), ("1e-400", False),
              ("1.7976931348623157e308", True)]:
    add("ticket/price/" + c, "ticket:created", ok, with_raw(TICKET, "price", c))
# version is bounded to 0..2^32-1 (the uint32 of its Protobuf twin)
for c, ok in [("0", True), ("1.0", True), ("1e2", True), ("-0", True), ("4294967295", True), ("4294967296", False),
              ("9007199254740991", False), ("9007199254740992", False), ("9007199254740993", False), ("-1", False),
              ("0.5", False), ("1.0000000000000000001", False), ("4294967295.0", True), ("42949672950e-1", True),
              ("4.294967296e9", False)]:
    add("ticket/version/" + c, "ticket:created", ok, with_raw(TICKET, "version", c))
for c, ok in [("{\"a\":1}", True), ("{\"a\":-1}", False), ("{\"a\":1.0}", True), ("{\"a\":1.5}", False),
              ("{\"a\":9007199254740993}", True), ("{\"a\":-9007199254740993}", False), ("{}", True), ("{\"a\":\"1\"}", False)]:
    add("payment/fees/" + c, "payment:made", ok, with_raw(PAYMENT, "fees", c))
for c, ok in [("{\"x\":1.0000000000000000001}", False), ("{\"x\":[1,2,{\"y\":1e400}]}", False),
              ("{\"x\":[1,2,{\"y\":1e300}]}", True), ("{\"x\":\"anything\",\"n\":null}", True)]:
    add("payment/meta/" + c, "payment:made", ok, with_raw(PAYMENT, "meta", c))

# --- objects: null vs absent, duplicates, escapes, __proto__, unions ------------------------------------------------
add("payment/reference/absent", "payment:made", False, with_raw(PAYMENT, "reference", None))
add("payment/reference/string", "payment:made", True, with_raw(PAYMENT, "reference", s("r-1")))
add("payment/reference/number", "payment:made", False, with_raw(PAYMENT, "reference", "1"))
acc("note/absent", "note", None, True)
acc("note/number", "note", "1", False)
add("ticket/orderId-null-on-created", "ticket:created", False, with_raw(TICKET, "orderId", "null"))
add("ticket-updated/orderId-absent", "ticket:updated", True, json.dumps(TICKET))
add("ticket-updated/orderId-null", "ticket:updated", False, with_raw(TICKET, "orderId", "null"))
add("ticket-updated/orderId-empty", "ticket:updated", False, with_raw(TICKET, "orderId", '""'))
add("ticket-updated/orderId-set", "ticket:updated", True, with_raw(TICKET, "orderId", '"o1"'))
add("ticket/title-null", "ticket:created", False, with_raw(TICKET, "title", "null"))
add("ticket/title-absent", "ticket:created", False, with_raw(TICKET, "title", None))
add("ticket/title-empty", "ticket:created", True, with_raw(TICKET, "title", '""'))
add("ticket/extra-property", "ticket:created", False, with_raw(TICKET, "extra", "1"))
add("ticket/__proto__-property", "ticket:created", False, with_raw(TICKET, "__proto__", "{}"))
add("ticket/__proto__-null", "ticket:created", False, with_raw(TICKET, "__proto__", "null"))
add("ticket/constructor-property", "ticket:created", False, with_raw(TICKET, "constructor", '"x"'))
add("payment/meta/__proto__", "payment:made", True, with_raw(PAYMENT, "meta", '{"__proto__":{"polluted":1}}'))
add("ticket/duplicate-key-last-valid", "ticket:created", True,
    '{"id":"t1","version":0,"title":"c","price":-5,"price":5,"userId":"u1"}')
add("ticket/duplicate-key-last-invalid", "ticket:created", False,
    '{"id":"t1","version":0,"title":"c","price":5,"price":-5,"userId":"u1"}')
add("ticket/unicode-escaped-key", "ticket:created", True,
    '{"\\u0069d":"t1","version":0,"title":"c","price":5,"userId":"u1"}')
add("ticket/unicode-escaped-key-duplicate", "ticket:created", True,
    '{"id":"x","\\u0069d":"t1","version":0,"title":"c","price":5,"userId":"u1"}')
add("ticket/escaped-unknown-key", "ticket:created", False,
    '{"id":"t1","version":0,"title":"c","price":5,"userId":"u1","\\u0000":1}')
add("ticket/escaped-lone-surrogate-title", "ticket:created", True,
    '{"id":"t1","version":0,"title":"\\ud800","price":5,"userId":"u1"}')
add("ticket/escaped-nul-title", "ticket:created", True,
    '{"id":"t1","version":0,"title":"a\\u0000b","price":5,"userId":"u1"}')
add("ticket/whitespace-around", "ticket:created", True, " \n\t" + json.dumps(TICKET) + " \r\n")
add("ticket/array-root", "ticket:created", False, "[" + json.dumps(TICKET) + "]")
add("ticket/null-root", "ticket:created", False, "null")
add("ticket/string-root", "ticket:created", False, '"x"')
add("ticket/empty", "ticket:created", False, "")
add("ticket/blank", "ticket:created", False, "   ")
add("ticket/trailing-comma", "ticket:created", False, json.dumps(TICKET)[:-1] + ",}")
add("ticket/two-documents", "ticket:created", False, json.dumps(TICKET) + json.dumps(TICKET))
add("ticket/single-quotes", "ticket:created", False, json.dumps(TICKET).replace('"', "'"))
add("ticket/comment", "ticket:created", False, "/*c*/" + json.dumps(TICKET))
add("ticket/NaN", "ticket:created", False, with_raw(TICKET, "price", "NaN"))
add("ticket/Infinity", "ticket:created", False, with_raw(TICKET, "price", "Infinity"))
add("ticket/leading-zero", "ticket:created", False, with_raw(TICKET, "price", "05"))
add("ticket/plus-sign", "ticket:created", False, with_raw(TICKET, "price", "+5"))
add("ticket/hex", "ticket:created", False, with_raw(TICKET, "price", "0x10"))
add("ticket/dot-5", "ticket:created", False, with_raw(TICKET, "price", ".5"))
add("ticket/5-dot", "ticket:created", False, with_raw(TICKET, "price", "5."))
add("ticket/raw-tab-in-string", "ticket:created", False, with_raw(TICKET, "title", '"a\tb"'))
add("ticket/raw-U+2028-in-string", "ticket:created", True, with_raw(TICKET, "title", '"a\u2028b"'))
add("ticket/bad-escape", "ticket:created", False, with_raw(TICKET, "title", '"a\\qb"'))
add("ticket/true-as-price", "ticket:created", False, with_raw(TICKET, "price", "true"))
add("ticket/string-price", "ticket:created", False, with_raw(TICKET, "price", '"20"'))
for n, raw, ok in [("card", '{"type":"card","last4":"1234"}', True), ("bank", '{"type":"bank","iban":"DE89370400440532013000"}', True),
                   ("card-with-iban", '{"type":"card","last4":"1234","iban":"DE89370400440532013000"}', False),
                   ("unknown-type", '{"type":"cash"}', False), ("no-type", '{"last4":"1234"}', False),
                   ("bank-short-iban", '{"type":"bank","iban":"DE89"}', False), ("null", "null", False),
                   ("array", "[]", False), ("card-type-upper", '{"type":"CARD","last4":"1234"}', False)]:
    add("payment/method/" + n, "payment:made", ok, with_raw(PAYMENT, "method", raw))
for n, raw, ok in [("3", '["a","b","c"]', True), ("4", '["a","b","c","d"]', False), ("empty-item", '[""]', False),
                   ("null-item", "[null]", False), ("empty", "[]", True)]:
    acc("tags/" + n, "tags", raw, ok)
for n, raw, ok in [("personal", '"personal"', True), ("upper", '"Personal"', False), ("null", "null", False)]:
    acc("kind/" + n, "kind", raw, ok)
for st, ok in [("created", True), ("awaiting:payment", True), ("complete", True), ("Created", False),
               ("awaiting_payment", False), ("", False)]:
    add("order/status/" + (st or "empty"), "order:created", ok, with_raw(ORDER, "status", s(st)))
add("order/ticket-price-negative", "order:created", False, with_raw(ORDER, "price", "-1", ("ticket",)))
add("order/ticket-extra", "order:created", False, with_raw(ORDER, "x", "1", ("ticket",)))
add("order/ticket-missing-price", "order:created", False, with_raw(ORDER, "price", None, ("ticket",)))
add("expiration/ok", "expiration:complete", True, '{"orderId":"o1"}')
add("expiration/empty-id", "expiration:complete", False, '{"orderId":""}')
add("expiration/astral-id", "expiration:complete", True, '{"orderId":"\\ud83d\\ude00"}')
add("order-cancelled/ok", "order:cancelled", True, '{"id":"o1","version":1,"ticket":{"id":"t1"}}')
add("order-cancelled/version-1.0", "order:cancelled", True, '{"id":"o1","version":1.0,"ticket":{"id":"t1"}}')
add("payment-created/ok", "payment:created", True, '{"id":"p1","orderId":"o1","stripeId":"ch_1"}')
add("payment-created/missing", "payment:created", False, '{"id":"p1","orderId":"o1"}')

# --- encodings and BOM (raw bytes) -----------------------------------------------------------------------------------
T = json.dumps(TICKET).encode()
add("encoding/utf8-bom", "ticket:created", False, raw=b"\xef\xbb\xbf" + T)
add("encoding/utf16le-bom", "ticket:created", False, raw=b"\xff\xfe" + json.dumps(TICKET).encode("utf-16-le"))
add("encoding/utf16be", "ticket:created", False, raw=json.dumps(TICKET).encode("utf-16-be"))
add("encoding/latin1-title", "ticket:created", False, raw=with_raw(TICKET, "title", s("caf\u00e9")).encode("latin-1"))
add("encoding/utf8-title", "ticket:created", True, raw=with_raw(TICKET, "title", s("caf\u00e9")).encode("utf-8"))
add("encoding/overlong-slash", "ticket:created", False, raw=T.replace(b'"t1"', b'"t\xc0\xaf1"'))
add("encoding/encoded-surrogate", "ticket:created", False, raw=T.replace(b'"t1"', b'"t\xed\xa0\x80"'))
add("encoding/truncated-sequence", "ticket:created", False, raw=T.replace(b'"t1"', b'"t\xe2\x82"'))
add("encoding/4-byte-emoji", "ticket:created", True, raw=T.replace(b'"t1"', '"t\U0001F600"'.encode()))
add("encoding/beyond-U+10FFFF", "ticket:created", False, raw=T.replace(b'"t1"', b'"t\xf4\x90\x80\x80"'))
add("encoding/nul-byte-outside", "ticket:created", False, raw=T + b"\x00")

# --- size and depth limits (1 MiB, depth 64, name 50,000) -------------------------------------------------------------
def nested(depth):
    return "[" * depth + "]" * depth
add("depth/arrays-64-deep", "payment:made", True, with_raw(PAYMENT, "meta", '{"x":' + nested(62) + "}"))
add("depth/arrays-65-deep", "payment:made", False, with_raw(PAYMENT, "meta", '{"x":' + nested(63) + "}"))
add("depth/arrays-202-deep", "payment:made", False, with_raw(PAYMENT, "meta", '{"x":' + nested(200) + "}"))
add("depth/objects-64-deep", "payment:made", True, with_raw(PAYMENT, "meta", '{"a":' * 63 + "1" + "}" * 63))
add("depth/objects-65-deep", "payment:made", False, with_raw(PAYMENT, "meta", '{"a":' * 64 + "1" + "}" * 64))
base = with_raw(PAYMENT, "meta", '{"pad":"@@FILL0@@@@FILL1@@"}')
room = 1024 * 1024 - (len(base.encode()) - len("@@FILL0@@@@FILL1@@"))
add("size/exactly-1MiB", "payment:made", True, base, fills=[["x", room], ["", 0]])
add("size/1MiB-plus-1", "payment:made", False, base, fills=[["x", room + 1], ["", 0]])
add("size/1MiB-astral", "payment:made", True, base, fills=[["\U0001F600", room // 4], ["x", room % 4]])
add("size/1MiB-plus-1-astral", "payment:made", False, base, fills=[["\U0001F600", room // 4], ["x", room % 4 + 1]])
add("name/50000", "payment:made", True, with_raw(PAYMENT, "meta", '{"@@FILL0@@":1}'), fills=[["k", 50000]])
add("name/50001", "payment:made", False, with_raw(PAYMENT, "meta", '{"@@FILL0@@":1}'), fills=[["k", 50001]])
add("name/50000-astral", "payment:made", False, with_raw(PAYMENT, "meta", '{"@@FILL0@@":1}'),
    fills=[["\U0001F600", 25001]])
add("number/1000-digits", "payment:made", True, with_raw(PAYMENT, "meta", '{"n":' + "1" * 1000 + "}"))
add("number/1001-digits", "payment:made", False, with_raw(PAYMENT, "meta", '{"n":' + "1" * 1001 + "}"))
add("number/1000-zeros-fraction", "payment:made", True, with_raw(PAYMENT, "meta", '{"n":0.' + "0" * 997 + "}"))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "agreement-corpus.jsonl"), "w", encoding="ascii", newline="\n") as out:
    for sample in samples:
        out.write(json.dumps(sample, ensure_ascii=True) + "\n")
print(len(samples), "samples,", sum(1 for x in samples if x["valid"]), "valid")
