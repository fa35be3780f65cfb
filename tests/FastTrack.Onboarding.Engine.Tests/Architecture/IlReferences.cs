using System.Reflection;
using System.Reflection.Emit;

namespace FastTrack.Onboarding.Engine.Tests.Architecture;

/// <summary>
/// The types a type really uses: its base, interfaces, fields, signatures, locals, attributes and every
/// type or member token of its method bodies' IL (so a call inside a method counts, not just a using line).
/// </summary>
internal static class IlReferences
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
        | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IEnumerable<Type> Of(Type type)
    {
        var found = new List<Type>();
        Add(found, type.BaseType);
        found.AddRange(type.GetInterfaces());
        found.AddRange(type.GetCustomAttributesData().Select(a => a.AttributeType));
        foreach (var field in type.GetFields(Everything))
        {
            Add(found, field.FieldType);
        }

        foreach (var property in type.GetProperties(Everything))
        {
            Add(found, property.PropertyType);
        }

        var methods = type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything));
        foreach (var method in methods)
        {
            if (method is MethodInfo info)
            {
                Add(found, info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(found, parameter.ParameterType);
            }

            var body = method.GetMethodBody();
            if (body is null)
            {
                continue;
            }

            foreach (var local in body.LocalVariables)
            {
                Add(found, local.LocalType);
            }

            foreach (var used in TokensOf(method, body.GetILAsByteArray() ?? Array.Empty<byte>()))
            {
                Add(found, used);
            }
        }

        return found.SelectMany(Expand).Distinct();
    }

    private static void Add(List<Type> found, Type? type)
    {
        if (type != null)
        {
            found.Add(type);
        }
    }

    // Arrays, by-refs, pointers and generic arguments all count as uses of their element types.
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            return Expand(type.GetElementType()!);
        }

        if (type.IsGenericParameter)
        {
            return Array.Empty<Type>();
        }

        var self = new[] { type.IsGenericType ? type.GetGenericTypeDefinition() : type };
        return type.IsGenericType ? self.Concat(type.GetGenericArguments().SelectMany(Expand)) : self;
    }

    /// <summary>The members (methods, constructors, fields) a method's IL refers to, in order.</summary>
    public static IEnumerable<MemberInfo> MembersUsedBy(MethodBase method) =>
        MembersOf(method, method.GetMethodBody()?.GetILAsByteArray() ?? Array.Empty<byte>()).Where(m => m is not Type);

    private static IEnumerable<Type> TokensOf(MethodBase method, byte[] il)
    {
        foreach (var member in MembersOf(method, il))
        {
            if (member is Type used)
            {
                yield return used;
            }
            else if (member.DeclaringType != null)
            {
                yield return member.DeclaringType;
                if (member is MethodInfo { IsGenericMethod: true } generic)
                {
                    foreach (var argument in generic.GetGenericArguments())
                    {
                        yield return argument;
                    }
                }
            }
        }
    }

    private static IEnumerable<MemberInfo> MembersOf(MethodBase method, byte[] il)
    {
        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, position);
                    if (module.ResolveMember(token, typeArgs, methodArgs) is { } member)
                    {
                        yield return member;
                    }

                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                case OperandType.InlineBrTarget:
                case OperandType.InlineI:
                case OperandType.ShortInlineR:
                case OperandType.InlineString:
                case OperandType.InlineSig:
                    position += 4;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    position += 1;
                    break;
            }
        }
    }
}
