namespace Tessera.Web.Components;

/// <summary>The UI's strings, in <c>UiText.resx</c> (British English) and its translations (<c>UiText.{culture}.resx</c>),
/// read through <c>IStringLocalizer&lt;UiText&gt;</c> in the user's UI culture.</summary>
internal sealed class UiText;
