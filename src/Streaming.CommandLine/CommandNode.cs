using Spectre.Console.Cli;

namespace Streaming.CommandLine;

/// <summary>
/// A command or a branch of commands in a <see cref="CommandCatalog"/>: its name, description, the options it
/// accepts (leaves) or its sub-commands (branches), and how to add it to Spectre.Console's configuration.
/// </summary>
public sealed class CommandNode
{
    private readonly List<CommandNode> _children = [];
    private readonly Action<IConfigurator> _addToRoot;
    private readonly Action<IConfigurator<CommandSettings>> _addToBranch;

    internal CommandNode(string name, string description, Type? settingsType, Action<IConfigurator> addToRoot, Action<IConfigurator<CommandSettings>> addToBranch)
    {
        Name = name;
        Description = description;
        SettingsType = settingsType;
        _addToRoot = addToRoot;
        _addToBranch = addToBranch;
    }

    /// <summary>The word that selects it.</summary>
    public string Name { get; }

    /// <summary>One line for the help page.</summary>
    public string Description { get; }

    /// <summary>The settings class of a command; null for a branch.</summary>
    public Type? SettingsType { get; }

    /// <summary>Sub-commands of a branch (empty for a command).</summary>
    public IReadOnlyList<CommandNode> Children => _children;

    /// <summary>Whether this is a branch of sub-commands.</summary>
    public bool IsBranch => SettingsType is null;

    internal void Add(CommandNode child) => _children.Add(child);

    internal void AddTo(IConfigurator configurator) => _addToRoot(configurator);

    internal void AddTo(IConfigurator<CommandSettings> configurator) => _addToBranch(configurator);
}
