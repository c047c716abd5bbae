package se.uppfoljning.publication.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljning.base.error.ValidationException;
import se.uppfoljning.publication.PublicationService;
import se.uppfoljning.publication.PublicationSetting;

/**
 * The public pages' switch of a committee (administrators of the committee): {@code GET} tells whether its decided
 * reports are public, {@code PUT {"enabled": true|false}} turns them on or off. Not admin → 403.
 */
@RestController
@RequestMapping("/api/v1/committees/{committee}/public")
public class PublicationApiController {

    private final PublicationService publication;

    PublicationApiController(PublicationService publication) {
        this.publication = publication;
    }

    /** {@code path}: the organisation's public start page, e.g. "/offentlig/orebro". */
    public record PublicationJson(String committee, boolean enabled, String path) {
    }

    public record PublicationChangeJson(Boolean enabled) {
    }

    @GetMapping
    public PublicationJson get(@PathVariable String committee) {
        return json(publication.setting(committee));
    }

    @PutMapping
    public PublicationJson put(@PathVariable String committee, @RequestBody PublicationChangeJson body) {
        if (body == null || body.enabled() == null) {
            throw new ValidationException("publication.error.enabledMissing");
        }
        return json(publication.setEnabled(committee, body.enabled()));
    }

    private static PublicationJson json(PublicationSetting setting) {
        return new PublicationJson(setting.committeeSlug(), setting.enabled(), setting.path());
    }
}
