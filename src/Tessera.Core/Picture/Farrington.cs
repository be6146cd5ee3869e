namespace Tessera.Core.Picture;

/// <summary>Settings of the quasi-Poisson regression that gives a month its expected count (Farrington et al., 1996, with the
/// outbreak reweighting of Noufaily et al., 2013).</summary>
/// <param name="Years">Baseline: the same month (± <paramref name="HalfWindow"/>) in this many previous years.</param>
/// <param name="HalfWindow">Months either side of the same month that also enter the baseline.</param>
/// <param name="Trend">Fit a linear time trend (kept only when significant at 5 % and not extrapolating above the baseline's maximum).</param>
/// <param name="ReweightAbove">Baseline months whose Anscombe residual exceeds this are down-weighted by residual⁻² and the
/// model refitted, so that past surges do not inflate the expected count; null fits once without reweighting.</param>
/// <param name="Z">Width of the prediction interval in standard normal quantiles (3.09 ≈ one-sided 99.9 %).</param>
public sealed record FarringtonSettings(int Years = 3, int HalfWindow = 3, bool Trend = true, double? ReweightAbove = 2.58, double Z = 3.09)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Years} years ± {HalfWindow} months, {(Trend ? "trend if significant" : "no trend")}, {(ReweightAbove is { } r ? $"reweighting above {r:0.##}" : "no reweighting")}, z {Z:0.##}");
}

/// <summary>Settings of the CUSUM on the regression's standardised residuals.</summary>
/// <param name="Baseline">The regression that gives the residuals (its <c>Z</c> is not used).</param>
/// <param name="K">Reference value: residuals up to this many standard deviations are treated as noise.</param>
/// <param name="H">Decision interval: alert when the cumulated excess passes it, then start again from zero.</param>
public sealed record CusumSettings(FarringtonSettings Baseline, double K = 1.0, double H = 8.0)
{
    public CusumSettings()
        : this(new FarringtonSettings(Years: 2, HalfWindow: 1, Trend: true, ReweightAbove: 1.0))
    {
    }

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"k {K:0.##}, h {H:0.##} on residuals of {Baseline.Years} years ± {Baseline.HalfWindow} months, {(Baseline.Trend ? "trend if significant" : "no trend")}, {(Baseline.ReweightAbove is { } r ? $"reweighting above {r:0.##}" : "no reweighting")}");
}

/// <summary>A month's expected count from its baseline, with what is needed for an interval of any width.</summary>
/// <param name="Expected">μ₀, the count the regression expects for the month.</param>
/// <param name="Variance">τ = φ μ₀ + μ₀² Var(η̂): the prediction variance (overdispersion and estimation).</param>
/// <param name="Dispersion">φ ≥ 1, the overdispersion of the baseline.</param>
/// <param name="TrendKept">Whether the fitted trend was kept.</param>
public readonly record struct FarringtonFit(double Expected, double Variance, double Dispersion, bool TrendKept)
{
    /// <summary>The 2/3-power standardised residual of <paramref name="observed"/> (Farrington's scale: near normal for counts).</summary>
    public double Residual(double observed) => Expected <= 0 ? 0
        : (Math.Pow(observed, 2.0 / 3) - Math.Pow(Expected, 2.0 / 3)) / Scale;

    /// <summary>Upper end of the prediction interval at <paramref name="z"/>.</summary>
    public double Upper(double z) => Expected <= 0 ? 0 : Math.Pow(Math.Pow(Expected, 2.0 / 3) + (z * Scale), 1.5);

    /// <summary>Lower end of the prediction interval at <paramref name="z"/> (never below zero).</summary>
    public double Lower(double z) => Expected <= 0 ? 0 : Math.Pow(Math.Max(0, Math.Pow(Expected, 2.0 / 3) - (z * Scale)), 1.5);

    private double Scale => 2.0 / 3 * Math.Pow(Expected, -1.0 / 3) * Math.Sqrt(Math.Max(Variance, 1e-9));
}

/// <summary>The quasi-Poisson regression of the Farrington method on monthly counts.</summary>
/// <remarks>For month t the baseline is the counts of months t − 12k + j, k = 1…Years, j = −HalfWindow…HalfWindow; a Poisson
/// log-linear model (intercept, optionally a trend in months) is fitted by iteratively reweighted least squares and the
/// overdispersion φ estimated from Pearson residuals; with reweighting, baseline months with an Anscombe residual above the
/// limit get weight residual⁻² (normalised to sum to the number of months) and the model is fitted again. The interval uses
/// the 2/3-power transformation under which counts are close to normal. Only months before t enter the fit.</remarks>
public static class Farrington
{
    /// <summary>The fit for every month of <paramref name="counts"/> that has a full baseline; null before.</summary>
    public static FarringtonFit?[] Fit(IReadOnlyList<long> counts, FarringtonSettings settings)
    {
        var fits = new FarringtonFit?[counts.Count];
        var first = (12 * settings.Years) + settings.HalfWindow;
        var t0 = new List<double>();
        var y0 = new List<double>();
        for (var t = first; t < counts.Count; t++)
        {
            t0.Clear();
            y0.Clear();
            for (var k = 1; k <= settings.Years; k++)
            {
                for (var j = -settings.HalfWindow; j <= settings.HalfWindow; j++)
                {
                    var i = t - (12 * k) + j;
                    if (i >= 0 && i < t)
                    {
                        t0.Add(i - t);
                        y0.Add(counts[i]);
                    }
                }
            }

            fits[t] = FitOne([.. t0], [.. y0], settings);
        }

        return fits;
    }

    private static FarringtonFit FitOne(double[] time, double[] y, FarringtonSettings settings)
    {
        if (y.Sum() <= 0)
        {
            return new FarringtonFit(0, 0, 1, false);
        }

        var weights = Enumerable.Repeat(1.0, y.Length).ToArray();
        var trend = settings.Trend;
        Glm glm = default;
        double phi = 1;
        for (var round = 0; round < 2; round++)
        {
            glm = Glm.Fit(time, y, weights, trend);
            phi = Dispersion(y, glm, weights);
            if (trend)
            {
                var se = Math.Sqrt(glm.Cov11 * phi);
                if (Math.Abs(glm.Beta1 / se) < 1.96 || Math.Exp(glm.Beta0) > y.Max())
                {
                    trend = false;
                    glm = Glm.Fit(time, y, weights, false);
                    phi = Dispersion(y, glm, weights);
                }
            }

            if (settings.ReweightAbove is not { } limit || round == 1)
            {
                break;
            }

            var sum = 0.0;
            for (var i = 0; i < y.Length; i++)
            {
                var mu = glm.Mu(time[i]);
                var leverage = glm.Leverage(time[i]) * weights[i] * mu;
                var anscombe = 1.5 * (Math.Pow(y[i], 2.0 / 3) - Math.Pow(mu, 2.0 / 3)) / Math.Pow(mu, 1.0 / 6) / Math.Sqrt(phi * Math.Max(1 - leverage, 1e-6));
                weights[i] = anscombe > limit ? 1 / (anscombe * anscombe) : 1;
                sum += weights[i];
            }

            for (var i = 0; i < y.Length; i++)
            {
                weights[i] *= y.Length / sum;
            }
        }

        var expected = Math.Exp(glm.Beta0);
        return new FarringtonFit(expected, (phi * expected) + (expected * expected * glm.Cov00 * phi), phi, trend);
    }

    private static double Dispersion(double[] y, Glm glm, double[] weights)
    {
        var sum = 0.0;
        var time = glm.Time;
        for (var i = 0; i < y.Length; i++)
        {
            var mu = glm.Mu(time[i]);
            sum += weights[i] * (y[i] - mu) * (y[i] - mu) / mu;
        }

        return Math.Max(1, sum / Math.Max(y.Length - (glm.HasTrend ? 2 : 1), 1));
    }

    /// <summary>A Poisson log-linear model η = β₀ + β₁ t fitted by IRLS, with the unscaled covariance of (β₀, β₁).</summary>
    private readonly record struct Glm(double[] Time, bool HasTrend, double Beta0, double Beta1, double Cov00, double Cov01, double Cov11)
    {
        public double Mu(double t) => Math.Exp(Math.Clamp(Beta0 + (Beta1 * t), -30, 30));

        /// <summary>x' Cov x for the design row of time t.</summary>
        public double Leverage(double t) => Cov00 + (2 * t * Cov01) + (t * t * Cov11);

        public static Glm Fit(double[] time, double[] y, double[] weights, bool trend)
        {
            var n = y.Length;
            var eta = new double[n];
            var mu = new double[n];
            for (var i = 0; i < n; i++)
            {
                mu[i] = Math.Max(y[i], 0.5);
                eta[i] = Math.Log(mu[i]);
            }

            double b0 = 0, b1 = 0, a = 0, b = 0, c = 0;
            for (var iteration = 0; iteration < 50; iteration++)
            {
                // Normal equations of the weighted least squares on the working response z = η + (y − μ)/μ.
                double za = 0, zb = 0;
                a = b = c = 0;
                for (var i = 0; i < n; i++)
                {
                    var w = weights[i] * mu[i];
                    var z = eta[i] + ((y[i] - mu[i]) / mu[i]);
                    a += w;
                    b += w * time[i];
                    c += w * time[i] * time[i];
                    za += w * z;
                    zb += w * z * time[i];
                }

                if (trend)
                {
                    var det = (a * c) - (b * b);
                    b0 = ((c * za) - (b * zb)) / det;
                    b1 = ((a * zb) - (b * za)) / det;
                }
                else
                {
                    b0 = za / a;
                    b1 = 0;
                }

                var change = 0.0;
                for (var i = 0; i < n; i++)
                {
                    var next = Math.Clamp(b0 + (b1 * time[i]), -30, 30);
                    change = Math.Max(change, Math.Abs(next - eta[i]));
                    eta[i] = next;
                    mu[i] = Math.Exp(next);
                }

                if (change < 1e-8)
                {
                    break;
                }
            }

            // Covariance (X' W μ X)⁻¹ at the final μ.
            a = b = c = 0;
            for (var i = 0; i < n; i++)
            {
                var w = weights[i] * mu[i];
                a += w;
                b += w * time[i];
                c += w * time[i] * time[i];
            }

            if (!trend)
            {
                return new Glm(time, false, b0, 0, 1 / a, 0, 0);
            }

            var d = (a * c) - (b * b);
            return new Glm(time, true, b0, b1, c / d, -b / d, a / d);
        }
    }
}
