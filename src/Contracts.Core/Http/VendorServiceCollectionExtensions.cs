using System.Diagnostics.CodeAnalysis;
using Contracts.Core.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Contracts.Core.Http;

/// <summary>
/// The registration every vendor's <c>AddXxxClient</c> shares: options validated at start-up, an HttpClient with the
/// standard pipeline, a token provider per account, and the client — for the default account, or for a named one
/// (a keyed registration, resolved with <c>[FromKeyedServices("eu")]</c>). Registering the same account twice adds
/// configuration, never a second pipeline.
/// </summary>
public static class VendorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the options of one account of a vendor (<paramref name="name"/>: null or empty for the default
    /// account) with validation at start-up (<see cref="VendorOptionsValidator{TOptions}"/>).
    /// </summary>
    public static OptionsBuilder<TOptions> AddVendorOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(this IServiceCollection services, string? name = null)
        where TOptions : VendorClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, VendorOptionsValidator<TOptions>>());
        services.TryAddSingleton(TimeProvider.System);
        return services.AddOptions<TOptions>(name ?? Options.DefaultName).ValidateOnStart();
    }

    /// <summary>The validated options of one account of a vendor (<paramref name="name"/>: null for the default account).</summary>
    public static TOptions GetVendorOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(this IServiceProvider services, string? name = null)
        where TOptions : VendorClientOptions
        => services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name ?? Options.DefaultName);

    /// <summary>
    /// Registers one account of a vendor as <paramref name="registration"/> describes it, configured by
    /// <paramref name="configure"/> (see the overload taking an options builder).
    /// </summary>
    /// <returns>The builder of the account's HttpClient, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddVendorClient<TInterface, TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IServiceCollection services,
        VendorClientRegistration<TInterface, TClient, TOptions> registration,
        string? key,
        Action<TOptions> configure)
        where TInterface : class
        where TClient : class, TInterface
        where TOptions : VendorClientOptions
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddVendorClient(registration, key, options => options.Configure(configure));
    }

    /// <summary>
    /// Registers one account of a vendor as <paramref name="registration"/> describes it: its options (configured by
    /// <paramref name="configureOptions"/>, validated at start-up), a token provider of its own (for vendors with
    /// tokens: one per account, with its own HttpClient), an HttpClient with the standard pipeline, and the client as
    /// <typeparamref name="TInterface"/> and <typeparamref name="TClient"/>. With a <paramref name="key"/>, the services
    /// are keyed (<c>[FromKeyedServices(key)]</c>) and the options named after the key; without, they are the default
    /// ones. A second registration of the same account adds configuration only.
    /// </summary>
    /// <returns>The builder of the account's HttpClient, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddVendorClient<TInterface, TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IServiceCollection services,
        VendorClientRegistration<TInterface, TClient, TOptions> registration,
        string? key,
        Action<OptionsBuilder<TOptions>> configureOptions)
        where TInterface : class
        where TClient : class, TInterface
        where TOptions : VendorClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(configureOptions);
        if (key is not null)
            ArgumentException.ThrowIfNullOrWhiteSpace(key);

        var account = new Account(typeof(TClient), key ?? Options.DefaultName);
        configureOptions(services.AddVendorOptions<TOptions>(account.Name));
        // IHttpClientFactory names a client after its service type and role; a keyed account adds ':' and its key last,
        // so that no key can spell another account's name (a key "eu.Token" must not name the token client of "eu").
        var httpClientName = HttpClientName(typeof(TInterface).Name, key);
        if (services.Any(d => d.IsKeyedService && d.ServiceType == typeof(Account) && Equals(d.ServiceKey, account)))
            return services.AddHttpClient(httpClientName);
        services.AddKeyedSingleton(account, account);

        TOptions OptionsOf(IServiceProvider sp) => sp.GetVendorOptions<TOptions>(account.Name);
        VendorClientParts<TOptions> PartsOf(IServiceProvider sp, string name) => new(
            () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(name),
            () => sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name),
            OptionsOf(sp),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            sp.GetRequiredService<TimeProvider>(),
            owned: null);
        var signing = registration.CreateSigning is { } createSigning
            ? sp => createSigning(OptionsOf(sp), sp.GetRequiredService<TimeProvider>())
            : (Func<IServiceProvider, DelegatingHandler>?)null;
        Func<IServiceProvider, DelegatingHandler>? authentication = null;
        if (registration.AcquireToken is not null)
        {
            // One token provider per account (a singleton keyed by the account), over a named HttpClient with the
            // standard pipeline and the vendor's signing but no bearer handler.
            var tokenHttpClientName = HttpClientName(typeof(TInterface).Name + ".Token", key);
            services.AddHttpClient(tokenHttpClientName, (sp, http) => VendorHttpPipeline.Configure(http, OptionsOf(sp)))
                .AddVendorPipeline(OptionsOf, registration.ProductName, signing: signing);
            services.AddKeyedSingleton<CachingAccessTokenProvider>(account, (sp, _) => registration.CreateTokenProvider(PartsOf(sp, tokenHttpClientName)));
            authentication = sp => registration.CreateBearer(
                sp.GetRequiredKeyedService<CachingAccessTokenProvider>(account),
                sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
        }

        TClient Create(IServiceProvider sp) => registration.CreateClient(PartsOf(sp, httpClientName));
        if (registration.OnePerAccount)
        {
            // One instance as TClient and as TInterface, which the container disposes.
            services.Add(ServiceDescriptor.KeyedSingleton(key, (sp, _) => Create(sp)));
            services.Add(ServiceDescriptor.KeyedSingleton<TInterface>(key, (sp, k) => sp.GetRequiredKeyedService<TClient>(k)));
        }
        else
        {
            services.Add(ServiceDescriptor.KeyedTransient(key, (sp, _) => Create(sp)));
            services.Add(ServiceDescriptor.KeyedTransient<TInterface>(key, (sp, _) => Create(sp)));
        }

        return services.AddHttpClient(httpClientName)
            .ConfigureHttpClient((sp, http) => VendorHttpPipeline.Configure(http, OptionsOf(sp)))
            .AddVendorPipeline(OptionsOf, registration.ProductName, authentication, signing);
    }

    /// <summary>
    /// The name of one of an account's HttpClients: its role (which never holds ':'), then ':' and the key for a keyed
    /// account. The key comes last and the role ends at the first ':', so two accounts or two roles never share a name.
    /// </summary>
    private static string HttpClientName(string role, string? key) => key is null ? role : $"{role}:{key}";

    /// <summary>One account of one vendor: the key of its token provider and of the mark that it is registered.</summary>
    private sealed record Account(Type Client, string Name);
}
