namespace Tessera.Core.Graph;

/// <summary>Which tie kinds carry money: payments, transfers, remittances, hawala, shared or owned bank accounts and wallets.</summary>
/// <remarks>A kind is read as words (letters and digits, case-insensitive) up to the first <c>:</c>, so that the link chart's
/// labels (<c>paid (Payment)</c>, <c>shares iban:…</c>, <c>shares wallet:…</c>), edge-list types (<c>payment</c>,
/// <c>transfer</c>) and relation layers (<c>business-and-finance</c>) are recognised, and a shared value after the colon never
/// decides. The money-handler score is taken only on these ties (docs/design.md, Product: "ranks … money handlers").</remarks>
internal static class TieKinds
{
    private static readonly HashSet<string> FinancialWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "paid", "pay", "pays", "payment", "payments", "payer", "beneficiary", "transfer", "transfers", "transferred",
        "remittance", "remittances", "remitted", "hawala", "money", "funds", "funding", "finance", "financial", "loan", "cash",
        "deposit", "bank", "bankaccount", "iban", "bic", "wallet", "cryptowallet", "crypto",
    };

    /// <summary>True when the tie kind names a flow of money or a financial artefact; false for null and every other kind.</summary>
    public static bool IsFinancial(string? kind)
    {
        if (string.IsNullOrEmpty(kind))
        {
            return false;
        }

        var colon = kind.IndexOf(':', StringComparison.Ordinal);
        var words = (colon >= 0 ? kind[..colon] : kind).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        return words.Any(FinancialWords.Contains);
    }

    /// <summary>True for the schemata of financial artefacts (<c>BankAccount</c>, <c>CryptoWallet</c>): every tie of such a node
    /// is a financial tie (who owns, holds or pays through the account).</summary>
    public static bool IsFinancialSchema(string schema) => schema is "BankAccount" or "CryptoWallet";

    private static readonly char[] Separators = [.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !char.IsLetterOrDigit(c))];
}
