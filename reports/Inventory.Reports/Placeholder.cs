namespace Inventory.Reports; /// <summary>Placeholder.</summary> public static class Placeholder { }
