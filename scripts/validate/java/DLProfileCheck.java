import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

/**
 * OWL 2 DL profile check with the OWL API's own checker (OWL2DLProfile).
 *
 * Usage: java -cp CLASSPATH DLProfileCheck FILE...
 * Prints, per file, one line "FILE: N violation(s)" then one line per violation
 * ("  ViolationType: description"), sorted. Exit code 0 when every file is in the profile,
 * 1 when any file has violations, 4 when a file cannot be read.
 * Imports are not followed: each file is checked as it is published.
 */
public final class DLProfileCheck {
    private DLProfileCheck() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: DLProfileCheck FILE...");
            System.exit(2);
        }
        int exit = 0;
        for (String path : args) {
            OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
            manager.getOntologyConfigurator().setMissingImportHandlingStrategy(
                org.semanticweb.owlapi.model.MissingImportHandlingStrategy.SILENT);
            OWLOntology ontology;
            try {
                ontology = manager.loadOntologyFromOntologyDocument(new File(path));
            } catch (Exception e) {
                System.out.println(path + ": unreadable: " + e.getClass().getSimpleName());
                System.exit(4);
                return;
            }
            OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
            List<String> lines = report.getViolations().stream()
                .map(v -> "  " + v.getClass().getSimpleName() + ": " + v.toString().replace('\n', ' '))
                .sorted()
                .collect(Collectors.toList());
            Map<String, Integer> byType = new TreeMap<>();
            for (OWLProfileViolation v : report.getViolations()) {
                byType.merge(v.getClass().getSimpleName(), 1, Integer::sum);
            }
            System.out.println(path + ": " + lines.size() + " violation(s) " + byType);
            lines.forEach(System.out::println);
            if (!lines.isEmpty()) {
                exit = 1;
            }
        }
        System.exit(exit);
    }
}
