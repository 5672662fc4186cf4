package app.crux.exchange;

import app.crux.web.BadInput;
import app.crux.web.Conflict;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The command line's direct mode: Crux started on its database, one command run, then stopped. */
public class ExchangeCommand implements QuarkusApplication {

    @Inject
    DirectSink sink;

    @Inject
    CorpusExport export;

    @Inject
    CorpusImport importer;

    @Inject
    ObjectMapper json;

    @Override
    @ActivateRequestContext
    public int run(String... args) throws Exception {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (args[0]) {
            case "import" -> {
                var summary = FileImport.run(FileImport.collect(rest), sink, System.out);
                return summary.count(FileImport.Result.REFUSED) == 0 ? 0 : 1;
            }
            case "export" -> {
                Path file = Path.of(rest.get(0));
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                    export.write(ExportScope.everything(), out);
                }
                System.out.println("Exported to " + file + " (" + Files.size(file) + " bytes).");
                return 0;
            }
            default -> {
                try (InputStream in = Files.newInputStream(Path.of(rest.get(0)))) {
                    var report = importer.load(ExchangeApi.parse(json, in), rest.contains("--merge"));
                    System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
                    return 0;
                } catch (BadInput e) {
                    System.err.println(e.getMessage());
                    return 1;
                } catch (Conflict e) {
                    System.err.println(e.getMessage() + " (add --merge)");
                    return 1;
                }
            }
        }
    }
}
