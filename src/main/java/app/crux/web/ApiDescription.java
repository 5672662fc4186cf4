package app.crux.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * What the annotations cannot say, said once for every {@code /api} operation in {@code /q/openapi}, so
 * routes added later are described by the same rules without anyone remembering to: the JSON error
 * answers ({@code {error, details}} from {@link ErrorPages}) with their status codes, {@code If-Match}
 * and its 412, the {@code ETag} of resources that take it, the {@code ?page=&size=} bounds of
 * {@link ApiPage}, and the {@code X-Total-Count} / {@code Link} headers of paged arrays (only {@code Link} on an
 * uncounted one, {@link ApiPage#UNCOUNTED}). Runs at build
 * time: the start-up pays nothing for it. OpenApiSchemasTest checks the result.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDescription implements OASFilter {

    public static final String ERROR_SCHEMA = "Error";
    private static final String ERROR_REF = "#/components/schemas/" + ERROR_SCHEMA;
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema(ERROR_SCHEMA, errorSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/") && item.getOperations() != null) {
                describe(path, item);
            }
        });
    }

    private static void describe(String path, PathItem item) {
        // a path whose updates take If-Match: its representation carries the ETag they compare with
        boolean conditional = item.getOperations().values().stream().anyMatch(ApiDescription::takesIfMatch);
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
            Operation operation = entry.getValue();
            boolean write = WRITES.contains(entry.getKey());
            error(operation, "400", "Refused input (a malformed body, a missing or out-of-range value); details name the fields. Nothing was stored.");
            if (path.contains("{")) {
                error(operation, "404", "No such resource, or one the caller may not see.");
            }
            if (write) {
                error(operation, "409", "Conflicts with what is stored (a duplicate, a stale version in the body, a race); extra fields say with what.");
                error(operation, "413", "The body is larger than Crux accepts.");
            }
            if (takesIfMatch(operation)) {
                ifMatch(operation);
            }
            error(operation, "503", "The database is unavailable for a moment; retry after the seconds in Retry-After.");
            operation.getResponses().getAPIResponse("503").addHeader("Retry-After",
                    header("Seconds to wait before retrying.", integer()));
            if (conditional && (entry.getKey() == PathItem.HttpMethod.GET || takesIfMatch(operation))) {
                success(operation).forEach(r -> r.addHeader("ETag",
                        header("The version of this resource, strong (\"3\"): send it back in If-Match to update it.", string())));
            }
            if (paged(operation)) {
                page(operation);
            }
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.equals("201")) {
                    response.addHeader("Location", header("The address of the created resource.", string()));
                }
            });
        }
    }

    /** {@code {error, details}}, plus fields some answers add (existingId, currentVersion, current, ...). */
    private static Schema errorSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("Every JSON error answer. Some add fields naming what the request clashed with, such as "
                        + "existingId, currentVersion or current.")
                .addProperty("error", string().description("What went wrong, in words for a person."))
                .addProperty("details", OASFactory.createSchema().addType(SchemaType.ARRAY).items(string())
                        .description("One line per refused field, when there are any."))
                .addRequired("error").addRequired("details");
    }

    private static void error(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponse response = operation.getResponses().getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            operation.getResponses().addAPIResponse(status, response);
        }
        if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
            response.setContent(OASFactory.createContent().addMediaType("application/json",
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_REF))));
        }
    }

    private static boolean takesIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
    }

    private static void ifMatch(Operation operation) {
        operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))
                .forEach(p -> p.description("The ETag of the version this change was made from (\"3\"). Optional; "
                        + "when given and no longer current the answer is 412 and nothing is stored."));
        error(operation, "412", "If-Match names a version that is no longer current; the answer says which one is (currentVersion).");
    }

    private static boolean paged(Operation operation) {
        return query(operation, "page") != null && query(operation, "size") != null;
    }

    private static void page(Operation operation) {
        query(operation, "page").description("The page, from 1.").schema(integer().minimum(BigDecimal.ONE).defaultValue(1));
        Parameter size = query(operation, "size");
        // an operation may allow larger pages (Web Annotation pages: 500) and says so on its parameter
        BigDecimal max = size.getSchema() != null && size.getSchema().getMaximum() != null
                ? size.getSchema().getMaximum() : BigDecimal.valueOf(ApiPage.MAX_SIZE);
        size.description("Items per page, 1 to " + max + ".").schema(integer().minimum(BigDecimal.ONE).maximum(max));
        boolean uncounted = operation.getExtensions() != null && operation.getExtensions().containsKey(ApiPage.UNCOUNTED);
        for (APIResponse response : success(operation)) {
            if (!returnsArray(response)) {
                continue;
            }
            if (uncounted) {
                response.addHeader("Link", header("first, prev and next pages (RFC 8288), as relative addresses; "
                        + "no next page: this was the last. The list is not counted.", string()));
            } else {
                response.addHeader("X-Total-Count", header("How many items all pages hold.", integer()));
                response.addHeader("Link", header("first, prev, next and last pages (RFC 8288), as relative addresses.", string()));
            }
        }
    }

    private static Parameter query(Operation operation, String name) {
        if (operation.getParameters() == null) {
            return null;
        }
        return operation.getParameters().stream().filter(p -> p.getIn() == Parameter.In.QUERY && name.equals(p.getName()))
                .findFirst().orElse(null);
    }

    private static java.util.List<APIResponse> success(Operation operation) {
        return operation.getResponses().getAPIResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2")).map(Map.Entry::getValue).toList();
    }

    private static boolean returnsArray(APIResponse response) {
        return response.getContent() != null && response.getContent().getMediaTypes().values().stream()
                .anyMatch(m -> m.getSchema() != null && m.getSchema().getType() != null
                        && m.getSchema().getType().contains(SchemaType.ARRAY));
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static Schema integer() {
        return OASFactory.createSchema().addType(SchemaType.INTEGER);
    }
}
