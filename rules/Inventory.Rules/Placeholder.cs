namespace Inventory.Rules; /// <summary>Placeholder.</summary> public static class Placeholder { }
