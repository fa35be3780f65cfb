using System.Reflection;

namespace FastTrack.Onboarding.Engine.Tests.Architecture;

/// <summary>Which namespace of an assembly uses which other namespace of it, with one example use per edge.</summary>
internal sealed class NamespaceGraph
{
    private readonly Dictionary<string, Dictionary<string, string>> _edges = new(StringComparer.Ordinal);

    public static NamespaceGraph Of(Assembly assembly)
    {
        var graph = new NamespaceGraph();
        foreach (var type in assembly.GetTypes().Where(t => t.Namespace != null))
        {
            foreach (var used in IlReferences.Of(type)
                .Where(u => u.Assembly == assembly && u.Namespace != null && u.Namespace != type.Namespace))
            {
                graph.Add(type.Namespace!, used.Namespace!, $"{type.FullName} uses {used.FullName}");
            }
        }

        return graph;
    }

    public IReadOnlyDictionary<string, Dictionary<string, string>> Edges => _edges;

    public void Add(string from, string to, string example)
    {
        if (!_edges.TryGetValue(from, out var targets))
        {
            _edges[from] = targets = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        targets.TryAdd(to, example);
    }

    /// <summary>Every cycle's namespaces as one strongly connected component of two or more (Tarjan).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<IReadOnlyList<string>>();
        var nodes = _edges.Keys.Concat(_edges.Values.SelectMany(v => v.Keys)).Distinct().OrderBy(n => n, StringComparer.Ordinal);

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in _edges.TryGetValue(node, out var t) ? t.Keys : Enumerable.Empty<string>())
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    result.Add(component.OrderBy(n => n, StringComparer.Ordinal).ToList());
                }
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return result;
    }

    /// <summary>The edges inside one cycle, each with the use that makes it, for a failure message.</summary>
    public IEnumerable<string> Describe(IReadOnlyList<string> component) =>
        component.SelectMany(from => _edges.TryGetValue(from, out var t)
            ? t.Where(e => component.Contains(e.Key)).Select(e => $"  {from} -> {e.Key}   ({e.Value})")
            : Enumerable.Empty<string>());
}
