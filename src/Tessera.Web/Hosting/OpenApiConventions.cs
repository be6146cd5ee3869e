using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tessera.Web.Hosting;

/// <summary>The fields of a multipart upload, declared on an endpoint so that the OpenAPI document describes its request body.</summary>
/// <param name="Fields">Each field's name, kind (<c>file</c>, <c>string</c>, <c>integer</c>, <c>strings</c> for a repeatable
/// field) and description; the first is required.</param>
internal sealed record MultipartForm(params (string Name, string Kind, string Description)[] Fields);

/// <summary>What every operation of the OpenAPI document declares, decided once from the endpoints' own metadata, so that
/// endpoints added anywhere get it too: the security schemes (session cookie, bearer token) on every protected operation,
/// the standard problem-details responses, multipart request bodies, and no server URL derived from the request's host.</summary>
internal static class OpenApiConventions
{
    public const string Cookie = "cookie";
    public const string Bearer = "bearer";

    public static void Apply(OpenApiOptions options)
    {
        options.AddDocumentTransformer((doc, _, _) =>
        {
            // The document is served by every node under any name: one relative server, the address it was fetched from.
            doc.Servers = [new OpenApiServer { Url = "/", Description = "The address this document was fetched from." }];
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            doc.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "tessera",
                Description = "The session cookie set by POST /api/v1/auth/signin.",
            };
            doc.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer",
                Description = "An API token (tessera users token create, or POST /api/v1/tokens) as Authorization: Bearer TOKEN.",
            };
            // Every operation is protected unless it says otherwise (an empty requirement: no credentials needed).
            doc.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, doc)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, doc)] = [] },
            ];
            return Task.CompletedTask;
        });

        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var path = "/" + (context.Description.RelativePath ?? "");
            var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
            operation.Responses ??= [];
            if (anonymous)
            {
                operation.Security = [new OpenApiSecurityRequirement()];
            }
            else
            {
                Problem(operation, StatusCodes.Status401Unauthorized, "Not signed in, or the session or token is no longer valid.");
                Problem(operation, StatusCodes.Status403Forbidden, "The access policy refuses this to the caller's role or organisation.");
            }

            if (path.Contains('{', StringComparison.Ordinal))
            {
                Problem(operation, StatusCodes.Status404NotFound, "No such record, or one the caller may not know of (answered alike).");
            }

            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                Problem(operation, StatusCodes.Status429TooManyRequests, "Too many requests from this caller; retry after the Retry-After header's seconds.");
            }

            if (metadata.OfType<MultipartForm>().LastOrDefault() is { } form)
            {
                Problem(operation, StatusCodes.Status400BadRequest, "A field is missing or bad; the problem names it.");
                Problem(operation, StatusCodes.Status413PayloadTooLarge, "The upload is larger than the limit.");
                operation.RequestBody = Multipart(form);
            }

            return Task.CompletedTask;
        });
    }

    private static void Problem(OpenApiOperation operation, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/problem+json"] = new() { Schema = ProblemSchema() },
            },
        };
    }

    // RFC 9457 problem details, with Tessera's "field" naming the input at fault.
    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["field"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };

    private static OpenApiRequestBody Multipart(MultipartForm form)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var (name, kind, description) in form.Fields)
        {
            properties[name] = kind switch
            {
                "file" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = description },
                "integer" => new OpenApiSchema { Type = JsonSchemaType.Integer, Description = description },
                "strings" => new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = description },
                _ => new OpenApiSchema { Type = JsonSchemaType.String, Description = description },
            };
        }

        return new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object, Properties = properties,
                        Required = new HashSet<string>(StringComparer.Ordinal) { form.Fields[0].Name },
                    },
                },
            },
        };
    }
}
