package se.uppfoljning.publication.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import se.uppfoljning.base.i18n.Messages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * At most {@code app.public.rate-limit-per-minute} requests a minute per client address to the public pages (a token
 * bucket that refills continuously, so a burst of that size is allowed); beyond it 429 with Retry-After. Buckets of
 * addresses not seen for ten minutes are dropped, and at most 100 000 are kept. Behind a proxy, set
 * {@code server.forward-headers-strategy=native} so the client's address is the one counted.
 */
@Component
public class PublicRateLimit extends OncePerRequestFilter {

    private final long perMinute;
    private final Messages messages;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    PublicRateLimit(@Value("${app.public.rate-limit-per-minute:300}") long perMinute, Messages messages) {
        this.perMinute = perMinute;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.get(request.getRemoteAddr(), address -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(seconds));
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(messages.get("public.error.tooMany", seconds).getBytes(StandardCharsets.UTF_8));
    }

    /** Not a general servlet filter: it runs only inside the public pages' security chain. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }
}
