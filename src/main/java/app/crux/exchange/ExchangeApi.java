package app.crux.exchange;

import app.crux.account.Role;
import app.crux.web.BadInput;
import app.crux.web.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The whole corpus as one JSON document, and back (docs/exchange.md). */
@Path("/api")
public class ExchangeApi {

    @Inject
    CurrentUser currentUser;

    @Inject
    CorpusExport export;

    @Inject
    CorpusImport importer;

    @Inject
    ObjectMapper json;

    @GET
    @Path("export")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "the export, streamed; admins get scope full, everyone else public",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExportFile.class)))
    public Response export() {
        ExportScope scope = export.scopeFor(currentUser);
        StreamingOutput body = out -> export.write(scope, out);
        String name = "crux-" + scope.name() + "-" + LocalDate.now(ZoneOffset.UTC) + ".json";
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("import")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ImportReport importExport(@QueryParam("mode") String mode,
            @RequestBody(content = @Content(schema = @Schema(implementation = ExportFile.class))) InputStream body) {
        boolean merge;
        if (mode == null || mode.isEmpty()) {
            merge = false;
        } else if (mode.equals("merge")) {
            merge = true;
        } else {
            throw new BadInput("mode: leave it out (import into an empty database) or give mode=merge.");
        }
        return importer.load(parse(json, body), merge);
    }

    /** The file as records; a field of the wrong shape is refused with its JSON path, never the parser's words. */
    static ExportFile parse(ObjectMapper json, InputStream body) {
        try {
            return json.readValue(body, ExportFile.class);
        } catch (JsonMappingException e) {
            throw ImportValidator.refusal(path(e.getPath()), "wrong type or shape");
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw ImportValidator.refusal("$", "not JSON (at line " + (where == null ? "?" : where.getLineNr())
                    + ", column " + (where == null ? "?" : where.getColumnNr()) + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder("$");
        for (var ref : references) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName().replaceAll("[^A-Za-z0-9_]", "?"));
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
