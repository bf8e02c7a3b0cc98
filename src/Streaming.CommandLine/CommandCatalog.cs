using Spectre.Console.Cli;

namespace Streaming.CommandLine;

/// <summary>
/// The commands of one program, declared once: the same tree configures Spectre.Console's <see cref="CommandApp"/>,
/// checks arguments before they are parsed (<see cref="ArgumentCheck"/>) and lets tests walk every command.
/// </summary>
public sealed class CommandCatalog
{
    private readonly List<CommandNode> _commands = [];

    /// <summary>A catalog for the program called <paramref name="applicationName"/>.</summary>
    public CommandCatalog(string applicationName) => ApplicationName = applicationName;

    /// <summary>The program's name, as users type it.</summary>
    public string ApplicationName { get; }

    /// <summary>Top-level commands and branches.</summary>
    public IReadOnlyList<CommandNode> Commands => _commands;

    /// <summary>Adds a top-level command.</summary>
    public CommandCatalog Add<TCommand>(string name, string description)
        where TCommand : class, ICommandLimiter<CommandSettings>
    {
        _commands.Add(Leaf<TCommand>(name, description));
        return this;
    }

    /// <summary>Adds a branch whose sub-commands <paramref name="build"/> declares.</summary>
    public CommandCatalog AddBranch(string name, string description, Action<Branch> build)
    {
        var children = new Branch();
        build(children);
        var node = new CommandNode(
            name,
            description,
            null,
            root => root.AddBranch(name, b => AddChildren(b, description, children)),
            parent => parent.AddBranch(name, b => AddChildren(b, description, children)));
        foreach (var child in children.Nodes)
        {
            node.Add(child);
        }

        _commands.Add(node);
        return this;
    }

    /// <summary>Every command and branch as the words that select it, parents before their children.</summary>
    public IEnumerable<string[]> Paths() => Walk(_commands, []);

    /// <summary>Adds the catalog's commands to a Spectre.Console configuration.</summary>
    public void Configure(IConfigurator configurator)
    {
        configurator.SetApplicationName(ApplicationName);
        foreach (var command in _commands)
        {
            command.AddTo(configurator);
        }
    }

    private static IEnumerable<string[]> Walk(IEnumerable<CommandNode> nodes, string[] prefix)
    {
        foreach (var node in nodes)
        {
            string[] path = [.. prefix, node.Name];
            yield return path;
            foreach (var child in Walk(node.Children, path))
            {
                yield return child;
            }
        }
    }

    private static void AddChildren(IConfigurator<CommandSettings> branch, string description, Branch children)
    {
        branch.SetDescription(description);
        foreach (var child in children.Nodes)
        {
            child.AddTo(branch);
        }
    }

    private static CommandNode Leaf<TCommand>(string name, string description)
        where TCommand : class, ICommandLimiter<CommandSettings> => new(
            name,
            description,
            SettingsTypeOf(typeof(TCommand)),
            root => root.AddCommand<TCommand>(name).WithDescription(description),
            branch => branch.AddCommand<TCommand>(name).WithDescription(description));

    private static Type SettingsTypeOf(Type command)
    {
        for (var type = command; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericArguments() is [var settings] && settings.IsSubclassOf(typeof(CommandSettings)))
            {
                return settings;
            }
        }

        return typeof(CommandSettings);
    }

    /// <summary>The sub-commands of a branch being declared.</summary>
    public sealed class Branch
    {
        internal List<CommandNode> Nodes { get; } = [];

        /// <summary>Adds a sub-command.</summary>
        public Branch Add<TCommand>(string name, string description)
            where TCommand : class, ICommandLimiter<CommandSettings>
        {
            Nodes.Add(Leaf<TCommand>(name, description));
            return this;
        }
    }
}
