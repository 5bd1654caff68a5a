using System.Collections.Immutable;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Terraform;

/// <summary>A <c>resource "TYPE" "NAME"</c> block; <see cref="Address"/> is Terraform's <c>TYPE.NAME</c>.</summary>
public sealed record TerraformResource(string Type, string Name, HclBlock Block)
{
    public string Path => Block.Location.Path;
    public string Address => $"{Type}.{Name}";
    public string Target => Finding.FileTarget(Path);
    public HclBody Body => Block.Body;
}

/// <summary>
/// One block as Terraform would see it: a literal block (<see cref="Scope"/> null) or one instance of a dynamic block,
/// whose content refers to the current element through the iterator in <see cref="Scope"/>. <see cref="UnknownForEach"/>
/// is set when the dynamic block's for_each could not be worked out.
/// </summary>
public sealed record TerraformBlockInstance(HclBody Body, IReadOnlyDictionary<string, TerraformValue>? Scope, SourceLocation Location,
    TerraformUnknown? UnknownForEach);

/// <summary>A value for a variable from a .tfvars file.</summary>
public sealed record TerraformVariableValue(HclExpression Value, string Path);

/// <summary>A <c>variable "NAME"</c> block with its default and the value the module's .tfvars files give it, if any.</summary>
public sealed record TerraformVariable(string Name, HclExpression? Default, SourceLocation Location, TerraformVariableValue? Assigned);

/// <summary>One entry of a <c>locals { }</c> block.</summary>
public sealed record TerraformLocal(string Name, HclExpression Value, SourceLocation Location);

/// <summary>
/// One Terraform module: the <c>.tf</c> files of a folder, read together as Terraform does, and the values its
/// <c>.tfvars</c> files give its variables. Applied in Terraform's order, later wins: <c>terraform.tfvars</c>, then
/// <c>*.auto.tfvars</c> by name, then any other <c>*.tfvars</c> by name (as if each were passed with
/// <c>-var-file</c>; messages name the file used).
/// </summary>
public sealed record TerraformModule(
    string Folder,
    ImmutableArray<HclFile> Files,
    ImmutableArray<HclFile> VariableFiles,
    ImmutableArray<TerraformResource> Resources,
    ImmutableDictionary<string, TerraformVariable> Variables,
    ImmutableDictionary<string, TerraformLocal> Locals)
{
    public const string DefaultVariablesFile = "terraform.tfvars";
    public const string AutoVariablesSuffix = ".auto.tfvars";

    public static TerraformModule Empty { get; } = Create("", [], []);

    public static TerraformModule Create(string folder, IEnumerable<HclFile> files, IEnumerable<HclFile> variableFiles)
    {
        var fileList = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToImmutableArray();
        var tfvars = variableFiles.OrderBy(f => VariableFileRank(f.Path)).ThenBy(f => f.Path, StringComparer.Ordinal).ToImmutableArray();
        var blocks = fileList.SelectMany(f => f.Body.Blocks).ToList();

        var resources = blocks.Where(b => b.Type == "resource" && b.Labels.Length == 2)
            .Select(b => new TerraformResource(b.Labels[0], b.Labels[1], b)).ToImmutableArray();

        var assigned = new Dictionary<string, TerraformVariableValue>(StringComparer.Ordinal);
        foreach (var file in tfvars)
            foreach (var attribute in file.Body.Attributes)
                assigned[attribute.Name] = new TerraformVariableValue(attribute.Value, file.Path);

        var variables = ImmutableDictionary.CreateBuilder<string, TerraformVariable>(StringComparer.Ordinal);
        foreach (var block in blocks.Where(b => b.Type == "variable" && b.Labels.Length == 1))
            variables.TryAdd(block.Labels[0], new TerraformVariable(block.Labels[0], block.Body.Attribute("default")?.Value,
                block.Location, assigned.GetValueOrDefault(block.Labels[0])));

        var locals = ImmutableDictionary.CreateBuilder<string, TerraformLocal>(StringComparer.Ordinal);
        foreach (var attribute in blocks.Where(b => b.Type == "locals").SelectMany(b => b.Body.Attributes))
            locals.TryAdd(attribute.Name, new TerraformLocal(attribute.Name, attribute.Value, attribute.Location));

        return new TerraformModule(folder, fileList, tfvars, resources, variables.ToImmutable(), locals.ToImmutable());
    }

    /// <summary>A module of one file (tests, examples).</summary>
    public static TerraformModule FromText(string path, string text) => Create(FolderOf(path), [HclFile.Parse(path, text)], []);

    public IEnumerable<TerraformResource> ResourcesOfType(string type) => Resources.Where(r => r.Type == type);

    /// <summary>Works out an expression's value from literals, variables (defaults and .tfvars) and locals of this module.</summary>
    public TerraformValue Resolve(HclExpression expression) => new TerraformResolver(this).Resolve(expression);

    /// <summary>As <see cref="Resolve(HclExpression)"/>, with a dynamic block's iterator in scope (name → { key, value }).</summary>
    public TerraformValue Resolve(HclExpression expression, IReadOnlyDictionary<string, TerraformValue>? scope) =>
        new TerraformResolver(this, scope).Resolve(expression);

    /// <summary>
    /// The <c>blockType</c> blocks of <paramref name="body"/>: the literal ones, then each instance a
    /// <c>dynamic "blockType"</c> block generates from a known <c>for_each</c>. A for_each that depends on unset inputs
    /// yields one <see cref="TerraformBlockInstance"/> carrying the unknown.
    /// </summary>
    public IEnumerable<TerraformBlockInstance> BlockInstances(HclBody body, string blockType)
    {
        foreach (var block in body.BlocksOfType(blockType))
            yield return new TerraformBlockInstance(block.Body, null, block.Location, null);
        foreach (var dynamic in body.BlocksOfType("dynamic").Where(d => d.Labels.Length == 1 && d.Labels[0] == blockType))
        {
            var content = dynamic.Body.BlocksOfType("content").FirstOrDefault();
            var forEach = dynamic.Body.Attribute("for_each");
            if (content is null || forEach is null)
                continue;
            var iterator = dynamic.Body.Attribute("iterator")?.Value switch
            {
                HclReference { Parts.Length: 1 } name => name.Root, // iterator = port
                HclLiteral { Value: string name } => name,
                _ => blockType,
            };
            var collection = Resolve(forEach.Value);
            var elements = collection switch
            {
                TerraformList list => list.Items.Select((item, i) => (Key: (TerraformValue)new TerraformNumber(i, item.Location), Value: item)),
                TerraformObject map => map.Members.OrderBy(m => m.Key, StringComparer.Ordinal)
                    .Select(m => (Key: (TerraformValue)new TerraformString(m.Key, m.Value.Location), Value: m.Value)),
                _ => [],
            };
            if (collection is TerraformUnknown unknown)
            {
                yield return new TerraformBlockInstance(content.Body, null, dynamic.Location, unknown);
                continue;
            }
            foreach (var (key, value) in elements)
            {
                var element = new TerraformObject(ImmutableDictionary<string, TerraformValue>.Empty.WithComparers(StringComparer.Ordinal)
                    .Add("key", key).Add("value", value), value.Location);
                yield return new TerraformBlockInstance(content.Body,
                    new Dictionary<string, TerraformValue>(StringComparer.Ordinal) { [iterator] = element }, content.Location, null);
            }
        }
    }

    public static string FolderOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    private static int VariableFileRank(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name == DefaultVariablesFile ? 0 : name.EndsWith(AutoVariablesSuffix, StringComparison.Ordinal) ? 1 : 2;
    }
}
