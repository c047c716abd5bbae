package se.uppfoljning.followup;

import org.springframework.stereotype.Component;
import se.uppfoljning.base.text.InputText;
import se.uppfoljning.followup.internal.EntryWriter;
import se.uppfoljning.followup.internal.EntryWriter.EntryWrite;
import se.uppfoljning.followup.internal.FollowUpRepository;
import se.uppfoljning.periods.CommitteeContext;
import se.uppfoljning.structure.ImportedEntries;
import se.uppfoljning.structure.ItemKind;

import java.util.List;
import java.util.Objects;

/** The follow-up entries as the structure import writes them: with optimistic locking and history, like any edit. */
@Component
class StructureImportEntries implements ImportedEntries {

    private final FollowUpService followUp;
    private final FollowUpRepository repository;
    private final EntryWriter entryWriter;

    StructureImportEntries(FollowUpService followUp, FollowUpRepository repository, EntryWriter entryWriter) {
        this.followUp = followUp;
        this.repository = repository;
        this.entryWriter = entryWriter;
    }

    @Override
    public int maxCommentLength() {
        return FollowUpService.MAX_COMMENT_LENGTH;
    }

    @Override
    public Long statusId(CommitteeContext context, ItemKind kind, String label) {
        return entryWriter.statusId(context, kind, label);
    }

    @Override
    public int writeIfChanged(CommitteeContext context, long itemId, ItemKind kind, Long statusId, String comment,
                              String username) {
        var current = followUp.row(context, itemId);
        String status = statusId == null ? current.status() : repository.statusLabel(statusId);
        String newComment = comment.isEmpty() ? current.comment() : comment;
        if (Objects.equals(current.status(), status) && InputText.sameText(current.comment(), newComment)) {
            return 0;
        }
        Long newStatusId = statusId != null ? statusId
                : current.status() == null ? null : entryWriter.statusId(context, kind, current.status());
        entryWriter.writeAll(context, List.of(new EntryWrite(itemId, newStatusId, newComment, current.version())),
                username);
        return 1;
    }
}
