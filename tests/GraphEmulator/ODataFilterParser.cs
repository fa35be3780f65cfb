using System.Globalization;
using System.Text.RegularExpressions;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// Recursive-descent parser for OData $filter: or/and/not, comparisons, in (...), functions,
/// any/all lambdas, paths with /$count, and literals (strings with '' escapes, numbers, guids,
/// datetimes, true/false/null).
/// </summary>
public sealed partial class ODataFilterParser
{
    private static readonly HashSet<string> Comparisons = ["eq", "ne", "gt", "ge", "lt", "le"];
    private static readonly HashSet<string> Functions = ["startswith", "endswith", "contains", "tolower", "toupper"];

    private readonly List<Token> _tokens;
    private int _pos;

    private ODataFilterParser(List<Token> tokens) => _tokens = tokens;

    public static FilterNode Parse(string filter)
    {
        var parser = new ODataFilterParser(Tokenize(filter));
        var node = parser.ParseOr();
        if (parser._pos != parser._tokens.Count)
            throw new FilterParseException(
                $"Invalid filter clause: syntax error at position {parser._tokens[parser._pos].Position} in '{filter}'.");
        return node;
    }

    private enum Kind { Ident, String, Number, Guid, DateTime, Punct }

    private sealed record Token(Kind Kind, string Text, int Position);

    [GeneratedRegex(@"\G[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])")]
    private static partial Regex GuidRegex();

    [GeneratedRegex(@"\G\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?(?![\w-])")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"\G-?\d+(\.\d+)?([eE][+-]?\d+)?(?![\w])")]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"\G[A-Za-z_@$][\w.@$-]*")]
    private static partial Regex IdentRegex();

    private static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is '(' or ')' or ',' or '/' or ':')
            {
                tokens.Add(new Token(Kind.Punct, c.ToString(), i));
                i++;
                continue;
            }
            if (c == '\'')
            {
                var sb = new System.Text.StringBuilder();
                var start = i++;
                while (true)
                {
                    if (i >= s.Length)
                        throw new FilterParseException($"Invalid filter clause: unterminated string literal at position {start} in '{s}'.");
                    if (s[i] == '\'')
                    {
                        if (i + 1 < s.Length && s[i + 1] == '\'') { sb.Append('\''); i += 2; continue; }
                        i++;
                        break;
                    }
                    sb.Append(s[i++]);
                }
                tokens.Add(new Token(Kind.String, sb.ToString(), start));
                continue;
            }
            Match m;
            if ((m = GuidRegex().Match(s, i)).Success) tokens.Add(new Token(Kind.Guid, m.Value, i));
            else if ((m = DateRegex().Match(s, i)).Success && m.Value.Contains('-')) tokens.Add(new Token(Kind.DateTime, m.Value, i));
            else if ((m = NumberRegex().Match(s, i)).Success) tokens.Add(new Token(Kind.Number, m.Value, i));
            else if ((m = IdentRegex().Match(s, i)).Success) tokens.Add(new Token(Kind.Ident, m.Value, i));
            else throw new FilterParseException($"Invalid filter clause: unexpected character '{c}' at position {i} in '{s}'.");
            i += m.Length;
        }
        return tokens;
    }

    private Token? Peek(int ahead = 0) => _pos + ahead < _tokens.Count ? _tokens[_pos + ahead] : null;

    private bool IsKeyword(string word, int ahead = 0) =>
        Peek(ahead) is { Kind: Kind.Ident } t && string.Equals(t.Text, word, StringComparison.OrdinalIgnoreCase);

    private bool IsPunct(string p, int ahead = 0) => Peek(ahead) is { Kind: Kind.Punct } t && t.Text == p;

    private Token Next() => _pos < _tokens.Count
        ? _tokens[_pos++]
        : throw new FilterParseException("Invalid filter clause: unexpected end of expression.");

    private void Expect(string punct)
    {
        var t = Next();
        if (t.Kind != Kind.Punct || t.Text != punct)
            throw new FilterParseException($"Invalid filter clause: expected '{punct}' at position {t.Position} but found '{t.Text}'.");
    }

    private FilterNode ParseOr()
    {
        var left = ParseAnd();
        while (IsKeyword("or")) { _pos++; left = new BinaryNode("or", left, ParseAnd()); }
        return left;
    }

    private FilterNode ParseAnd()
    {
        var left = ParseUnary();
        while (IsKeyword("and")) { _pos++; left = new BinaryNode("and", left, ParseUnary()); }
        return left;
    }

    private FilterNode ParseUnary()
    {
        if (IsKeyword("not")) { _pos++; return new NotNode(ParseUnary()); }
        return ParseComparison();
    }

    private FilterNode ParseComparison()
    {
        var left = ParsePrimary();
        if (Peek() is { Kind: Kind.Ident } t)
        {
            var op = t.Text.ToLowerInvariant();
            if (Comparisons.Contains(op)) { _pos++; return new BinaryNode(op, left, ParsePrimary()); }
            if (op == "in")
            {
                _pos++;
                Expect("(");
                var values = new List<FilterNode>();
                if (!IsPunct(")"))
                {
                    values.Add(ParsePrimary());
                    while (IsPunct(",")) { _pos++; values.Add(ParsePrimary()); }
                }
                Expect(")");
                return new InNode(left, values);
            }
        }
        return left;
    }

    private FilterNode ParsePrimary()
    {
        var t = Next();
        switch (t.Kind)
        {
            case Kind.Punct when t.Text == "(":
                var inner = ParseOr();
                Expect(")");
                return inner;
            case Kind.String: return new LiteralNode(t.Text);
            case Kind.Guid: return new LiteralNode(t.Text);
            case Kind.Number: return new LiteralNode(double.Parse(t.Text, CultureInfo.InvariantCulture));
            case Kind.DateTime:
                return DateTimeOffset.TryParse(t.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt)
                    ? new LiteralNode(dt)
                    : throw new FilterParseException($"Invalid filter clause: bad datetime '{t.Text}'.");
            case Kind.Ident:
                var lower = t.Text.ToLowerInvariant();
                if (lower == "true") return new LiteralNode(true);
                if (lower == "false") return new LiteralNode(false);
                if (lower == "null") return new LiteralNode(null);
                if (IsPunct("("))
                {
                    if (!Functions.Contains(lower))
                        throw new FilterParseException($"Invalid filter clause: unknown function '{t.Text}'.");
                    _pos++;
                    var args = new List<FilterNode>();
                    if (!IsPunct(")"))
                    {
                        args.Add(ParseOr());
                        while (IsPunct(",")) { _pos++; args.Add(ParseOr()); }
                    }
                    Expect(")");
                    return new FunctionNode(lower, args);
                }
                return ParsePath(t);
            default:
                throw new FilterParseException($"Invalid filter clause: unexpected '{t.Text}' at position {t.Position}.");
        }
    }

    private FilterNode ParsePath(Token first)
    {
        var segments = new List<string> { first.Text };
        while (IsPunct("/"))
        {
            _pos++;
            var seg = Next();
            if (seg.Kind != Kind.Ident) throw new FilterParseException($"Invalid filter clause: bad path segment '{seg.Text}'.");
            var lower = seg.Text.ToLowerInvariant();
            if ((lower is "any" or "all") && IsPunct("("))
            {
                _pos++;
                var path = new PathNode(segments);
                if (IsPunct(")")) { _pos++; return new LambdaNode(path, lower, null, null); }
                var variable = Next();
                if (variable.Kind != Kind.Ident) throw new FilterParseException("Invalid filter clause: lambda variable expected.");
                Expect(":");
                var body = ParseOr();
                Expect(")");
                return new LambdaNode(path, lower, variable.Text, body);
            }
            segments.Add(seg.Text);
        }
        return new PathNode(segments);
    }
}
