namespace Interlock.Web;

/// <summary>Marker for the shared localization resources (Resources/SharedResource.resx and .fr.resx).</summary>
public sealed class SharedResource;
