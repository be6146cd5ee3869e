using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Tessera.Web.Hosting;

namespace Tessera.Web.Tests.Hosting;

/// <summary>JSON log lines when TESSERA_LOG_FORMAT says so or in production; simple lines otherwise.</summary>
public sealed class LogFormatTests
{
    [Theory]
    [InlineData("Production", null, true)]
    [InlineData("Production", "simple", false)]
    [InlineData("Production", "JSON", true)]
    [InlineData("Development", null, false)]
    [InlineData("Development", "json", true)]
    [InlineData("Staging", "", false)]
    [InlineData("Staging", "xml", false)]
    public void Format_ByVariableElseByEnvironment(string environment, string? variable, bool json)
    {
        var host = new Host { EnvironmentName = environment };

        Assert.Equal(json, Observability.Json(host, name => name == Observability.FormatVariable ? variable : null));
    }

    private sealed class Host : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";

        public string ApplicationName { get; set; } = "tessera";

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
