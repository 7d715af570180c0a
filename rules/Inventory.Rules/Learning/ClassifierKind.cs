namespace Inventory.Rules;

/// <summary>Which classifier to build (<see cref="ClassifierFactory.CreateDefault"/>, <c>inventory evaluate --classifier</c>).</summary>
public enum ClassifierKind
{
    /// <summary>Name rules and value detectors only.</summary>
    Rules,
    /// <summary>The column model only.</summary>
    Model,
    /// <summary>Rules first, the model fills gaps and breaks weak decisions (the default).</summary>
    Combined,
}
