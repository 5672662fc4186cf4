package app.crux.exchange;

import app.crux.document.DocumentService;
import app.crux.document.importing.ImportRefused;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The command line on the database itself (no server running): each file through DocumentService, one transaction each. */
@ApplicationScoped
public class DirectSink implements FileImport.Sink {

    @Inject
    DocumentService documents;

    @Override
    @ActivateRequestContext
    public FileImport.Outcome store(String title, String text) {
        try {
            return FileImport.Outcome.imported(create(title, text));
        } catch (Conflict e) {
            return FileImport.Outcome.duplicate(String.valueOf(e.fields.getOrDefault("existingSlug", e.getMessage())));
        } catch (BadInput e) {
            return FileImport.Outcome.refused(e.getMessage() + (e.details.isEmpty() ? "" : " " + e.details));
        } catch (ImportRefused e) {
            return FileImport.Outcome.refused(e.getMessage());
        }
    }

    @Transactional
    String create(String title, String text) {
        return documents.create(new DocumentService.NewDocument(title, null, null, null, null, null, text)).slug;
    }
}
