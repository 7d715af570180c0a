namespace Inventory.Scanning;

/// <summary>Masks a value so it can be shown as an example without revealing it: each run of letters keeps its first
/// letter and becomes <c>x***</c>, each run of digits becomes <c>###</c>, separators stay, so neither the value nor the
/// length of its parts can be read back (<c>john.doe@example.com</c> → <c>j***.d***@e***.c***</c>,
/// <c>+33 6 12 34 56 78</c> → <c>+### ### ### ### ### ###</c>). Input longer than 64 characters is cut first.</summary>
public static class Masking
{
    /// <summary>Masks one value.</summary>
    /// <param name="value">Raw value.</param>
    /// <returns>The masked text: at most one character of any run of letters, no digit, fixed-length runs.</returns>
    public static string Mask(string value)
    {
        var text = value.Length > 64 ? value[..64] : value;
        var b = new System.Text.StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            if (char.IsLetter(c))
            {
                b.Append(c).Append("***");
                while (i < text.Length && char.IsLetter(text[i])) i++;
            }
            else if (char.IsDigit(c))
            {
                b.Append("###");
                while (i < text.Length && char.IsDigit(text[i])) i++;
            }
            else
            {
                b.Append(c);
                i++;
            }
        }
        if (value.Length > 64) b.Append('…');
        return b.ToString();
    }
}
