package io.ipguard.jaxrs.examples;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.Whitelisted;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Sample: a webhook receiver that accepts calls only from the provider's published address ranges,
 * fetched from the provider's list URL and refreshed (ETag-aware) every few minutes. Until the list
 * has been fetched once, every call is refused.
 */
public class WebhookReceiverApplication extends ResourceConfig {

    /** The webhook endpoint. */
    @Path("/webhooks/payments")
    @Whitelisted(group = "provider")
    public static class PaymentWebhook {
        @POST
        public String receive(String event, @Context ClientAddress sender) {
            return "accepted " + event.length() + " bytes from " + sender;
        }
    }

    /**
     * Creates the application.
     *
     * @param providerRangesUrl the provider's published list, for example
     *     {@code https://provider.example/webhook-ips.txt}
     */
    public WebhookReceiverApplication(String providerRangesUrl) {
        register(PaymentWebhook.class);
        register(IpGuardFeature.builder()
                .property("ipguard.url.provider", providerRangesUrl)
                .property("ipguard.url-refresh-seconds", "300")
                .build());
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }
}
