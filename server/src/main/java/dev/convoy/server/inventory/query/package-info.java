/**
 * The inventory query language: how admins pick endpoints by what their agents report, for
 * {@code convoy inventory query EXPR} and for dynamic groups ({@code convoy group create NAME --query EXPR}).
 *
 * <h2>README</h2>
 *
 * <p>An endpoint's inventory is an {@link dev.convoy.server.inventory.query.InventoryDocument}: a tree of facts.
 * A {@link dev.convoy.server.inventory.query.Query} is a condition on that tree:
 * <pre>{@code
 * os.family = "debian" and hardware.memory_gb < 8 and software["libreoffice"].version < "7.6"
 * network.interfaces.mac ~ "3c:52:82:*"
 * facts.site in ["paris", "lyon"] and not facts.kiosk = true
 * software["libreoffice"] not exists or software["libreoffice"].source = "dpkg"
 * convoy.releases.hello.state != "installed"
 * }</pre>
 * Parse once with {@code Query.parse(text)}, then {@code query.matches(document)} for each endpoint. A bad query
 * throws {@link dev.convoy.server.inventory.query.QuerySyntaxException} with the column and what was expected there;
 * show it to the user with {@code e.getMessage()} and {@code e.caretDiagram()}:
 * <pre>
 * at column 17: expected a value after '&lt;' but found end of query
 * hardware.memgb &lt;
 *                 ^
 * </pre>
 *
 * <h3>Paths</h3>
 * {@code a.b.c} walks map keys. A key that is not an identifier ({@code [A-Za-z_][A-Za-z0-9_-]*}), or that is a
 * keyword in first position, is written as a quoted subscript: {@code software["g++"].version}. {@code [0]} selects a
 * list position, {@code [*]} every element of a list or every value of a map ({@code software[*].source = "convoy"}:
 * some package installed by Convoy). A key applied to a list applies to each element, so
 * {@code network.interfaces.mac} and {@code network.interfaces[*].mac} read the same MACs.
 *
 * <h3>Conditions</h3>
 * <table>
 *   <caption>Predicates (the path is always on the left)</caption>
 *   <tr><th>form</th><th>true when</th></tr>
 *   <tr><td>{@code path = v}, {@code <}, {@code <=}, {@code >}, {@code >=}</td>
 *       <td>some value at the path compares so with {@code v}</td></tr>
 *   <tr><td>{@code path != v}</td><td>the path has at least one value, and none equals {@code v}</td></tr>
 *   <tr><td>{@code path in [v1, v2]}</td><td>some value equals one of the list</td></tr>
 *   <tr><td>{@code path not in [v1, v2]}</td><td>the path has at least one value, and none is in the list</td></tr>
 *   <tr><td>{@code path ~ "pattern"}</td><td>some string (or number) value matches the glob, ignoring case:
 *       {@code *} any run, {@code ?} one character, {@code \\} before a character makes it literal
 *       ({@code "a\\*"} in a query is the pattern {@code a\*})</td></tr>
 *   <tr><td>{@code path exists} / {@code path not exists}</td><td>the path leads to some value (of any type) /
 *       to none</td></tr>
 * </table>
 * "Some value": a path that crosses or ends at a list reads every element, and a predicate holds if any one
 * matches; the negative forms ({@code !=}, {@code not in}) need every value to pass, so
 * {@code facts.tags != "kiosk"} is false for tags {@code ["kiosk", "lab"]}.
 * <b>A missing path makes every predicate false except {@code not exists}</b>, including {@code !=} and
 * {@code not in}; to include endpoints that lack a fact, say so: {@code not os.family = "debian"} or
 * {@code os.family != "debian" or os.family not exists}.
 *
 * <h3>How values compare</h3>
 * <ol>
 *   <li>{@code true}/{@code false} equal only booleans; they cannot be ordered (a parse error).</li>
 *   <li>If the path's last key is {@code version} or ends in {@code _version}, both sides compare as versions with
 *       {@link dev.convoy.server.inventory.query.VersionComparator} (so {@code = "7.6"} also matches
 *       {@code 7.6.0}).</li>
 *   <li>Numbers compare numerically, exactly (as decimals); a string that is a plain decimal number
 *       ({@code "8"}, {@code "-1.5"}) compares numerically with a number. A number and another string compare as
 *       versions if the string starts with a digit ({@code "7.5.9" < 7.6}), otherwise not at all.</li>
 *   <li>Two strings: {@code =} is exact (case-sensitive; use {@code ~} to ignore case); ordering compares as versions
 *       if either starts with a digit (or {@code v} and a digit), otherwise by UTF-16 code unit.</li>
 *   <li>Anything else (a boolean with a number, a map with anything) does not compare: the predicate is false for
 *       that value. Evaluation never throws.</li>
 * </ol>
 * Number literals keep their text, because as versions {@code 7.10} is not {@code 7.1}. An unquoted version with
 * two dots is a syntax error that suggests the quotes: write {@code version < "7.6.4"}.
 *
 * <h3>Versions</h3>
 * Semver 2.0 precedence ({@code 1.0.0-rc.1 < 1.0.0}; pre-release identifiers numeric where numeric), generalised to
 * Debian versions ({@code 1:2.3-1ubuntu2}: epoch first, revision last; {@code 1.0~beta < 1.0}); trailing zeros do
 * not count ({@code 7.6 = 7.6.0}). Details and the deliberate deviations are in
 * {@link dev.convoy.server.inventory.query.VersionComparator}.
 *
 * <h3>Grammar</h3>
 * Keywords ({@code and or not in exists true false}) are case-insensitive; whitespace separates tokens anywhere.
 * <pre>
 * query      = or-expr END
 * or-expr    = and-expr { "or" and-expr }
 * and-expr   = unary { "and" unary }
 * unary      = "not" unary | primary
 * primary    = "(" or-expr ")" | predicate
 * predicate  = path ( compare-op value
 *                   | "~" STRING
 *                   | [ "not" ] "in" list
 *                   | [ "not" ] "exists" )
 * compare-op = "=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * list       = "[" [ value { "," value } ] "]"
 * value      = STRING | NUMBER | "true" | "false"
 * path       = ( NAME | subscript ) { "." NAME | subscript }     (the first NAME must not be a keyword)
 * subscript  = "[" ( STRING | INTEGER | "*" ) "]"
 *
 * NAME       = [A-Za-z_] [A-Za-z0-9_-]*
 * NUMBER     = [-] DIGITS [ "." DIGITS ]                        (no exponent)
 * INTEGER    = DIGITS                                           (a list position, 0 to 999999999)
 * STRING     = '"' { character | escape } '"'
 * escape     = \" | \\ | \/ | \b | \f | \n | \r | \t | &#92;u HEX HEX HEX HEX
 * </pre>
 * Precedence, loosest first: {@code or}, {@code and}, {@code not}, predicates; so
 * {@code a = 1 or b = 2 and not c = 3} reads {@code a = 1 or (b = 2 and (not c = 3))}.
 * Limits: {@value dev.convoy.server.inventory.query.Query#MAX_LENGTH} characters, and
 * {@value dev.convoy.server.inventory.query.Query#MAX_DEPTH} levels of parentheses and {@code not}; beyond either,
 * a {@link dev.convoy.server.inventory.query.QuerySyntaxException}, never a stack overflow.
 *
 * <h3>For the server: indexing, deltas, dynamic groups</h3>
 * <ul>
 *   <li>{@link dev.convoy.server.inventory.query.InventoryDocument#flatten()} maps each leaf's canonical path to its
 *       value, sorted, losslessly ({@code fromFlattened} inverts it): store it, and diff two of them to get what a new
 *       report changed.</li>
 *   <li>{@link dev.convoy.server.inventory.query.InventoryDocument#indexEntries()} maps index keys (leaf paths
 *       without list positions) to values; {@link dev.convoy.server.inventory.query.Query#indexablePredicates()}
 *       gives the top-level conjuncts an index on those keys can answer. Candidates from an index are a superset:
 *       always re-check them with {@code matches}.</li>
 *   <li>{@link dev.convoy.server.inventory.query.Query#paths()} lists every path a query reads, and
 *       {@link dev.convoy.server.inventory.query.Query#dependsOn(Path)} says whether a changed leaf (a key of the
 *       flattening diff) can affect the result: a dynamic group needs re-evaluating for an endpoint only then.</li>
 * </ul>
 *
 * <p>Domain code: depends on the JDK only. Every type here is immutable and thread-safe, except where noted.
 */
package dev.convoy.server.inventory.query;
