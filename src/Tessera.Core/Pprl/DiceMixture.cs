namespace Tessera.Core.Pprl;

/// <summary>A two-component Gaussian mixture over Dice coefficients (non-matches low, matches high), fitted by expectation
/// maximisation without labels; gives the posterior probability that a pair is one person.</summary>
public sealed class DiceMixture
{
    private readonly double _prior;
    private readonly (double Mean, double Sd) _match;
    private readonly (double Mean, double Sd) _other;

    private DiceMixture(double prior, (double, double) match, (double, double) other) => (_prior, _match, _other) = (prior, match, other);

    /// <summary>Fits on <paramref name="scores"/> (50 EM iterations, started at means 0.9 and 0.4).</summary>
    public static DiceMixture Fit(IReadOnlyList<double> scores)
    {
        var (prior, match, other) = (0.1, (Mean: 0.9, Sd: 0.05), (Mean: 0.4, Sd: 0.1));
        if (scores.Count < 2)
        {
            return new DiceMixture(prior, match, other);
        }

        var r = new double[scores.Count];
        for (var iteration = 0; iteration < 50; iteration++)
        {
            double sumR = 0, sumM = 0, sumO = 0;
            for (var i = 0; i < scores.Count; i++)
            {
                r[i] = Posterior(scores[i], prior, match, other);
                sumR += r[i];
                sumM += r[i] * scores[i];
                sumO += (1 - r[i]) * scores[i];
            }

            var n = scores.Count;
            var meanM = sumR > 0 ? sumM / sumR : match.Mean;
            var meanO = n - sumR > 0 ? sumO / (n - sumR) : other.Mean;
            double varM = 0, varO = 0;
            for (var i = 0; i < n; i++)
            {
                varM += r[i] * (scores[i] - meanM) * (scores[i] - meanM);
                varO += (1 - r[i]) * (scores[i] - meanO) * (scores[i] - meanO);
            }

            // A floor on the spread keeps a component from collapsing onto one repeated score.
            match = (meanM, Math.Max(0.01, Math.Sqrt(varM / Math.Max(sumR, 1e-9))));
            other = (meanO, Math.Max(0.01, Math.Sqrt(varO / Math.Max(n - sumR, 1e-9))));
            prior = Math.Clamp(sumR / n, 1e-6, 1 - 1e-6);
        }

        return new DiceMixture(prior, match, other);
    }

    /// <summary>The posterior probability of the match component at <paramref name="dice"/>, in [0, 1].</summary>
    public double Probability(double dice) => Posterior(dice, _prior, _match, _other);

    private static double Posterior(double x, double prior, (double Mean, double Sd) match, (double Mean, double Sd) other)
    {
        var lm = Math.Log(prior) + LogNormal(x, match.Mean, match.Sd);
        var lo = Math.Log(1 - prior) + LogNormal(x, other.Mean, other.Sd);
        // A score above the match mean is never less likely a match than the mean itself (the Gaussian tails would say so).
        if (x > match.Mean)
        {
            lm = Math.Max(lm, Math.Log(prior) + LogNormal(match.Mean, match.Mean, match.Sd));
        }

        var m = Math.Max(lm, lo);
        return Math.Exp(lm - m) / (Math.Exp(lm - m) + Math.Exp(lo - m));
    }

    private static double LogNormal(double x, double mean, double sd) => (-0.5 * ((x - mean) / sd) * ((x - mean) / sd)) - Math.Log(sd);
}
