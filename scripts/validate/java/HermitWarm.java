import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.semanticweb.HermiT.Configuration;
import org.semanticweb.HermiT.Reasoner;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.io.OWLOntologyDocumentSource;
import org.semanticweb.owlapi.io.StreamDocumentSource;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;

/**
 * HermiT started before its input exists, warmed up meanwhile (scripts/validate/reasoning.py, Warm).
 *
 * Usage: java -cp HermiT.jar:CLASSES HermitWarm WARM-UP-FILE
 * Loads WARM-UP-FILE (the ontology) and reasons over it once, its result thrown away: the JVM has then loaded
 * and compiled the parser's and the reasoner's code, which a fresh JVM spends a third of a check on. Then reads
 * the document to check from standard input: a line with its length in bytes, then the document (N-Triples;
 * a length, not the end of the input, since a forked process may hold the other end of the pipe open too).
 * Prints one line: CONSISTENT, INCONSISTENT, or UNSATISFIABLE followed by the IRIs of the classes equivalent to
 * owl:Nothing, sorted. These are the questions HermiT's command line answers with -k -U, with its default
 * configuration. No length (the end of the input): exit 0, nothing printed (the check was not needed). A
 * document that cannot be read or reasoned over: the stack trace on standard error, exit 1.
 */
public final class HermitWarm {
    private HermitWarm() {}

    static String verdict(OWLOntologyDocumentSource document) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(document);
        Reasoner reasoner = new Reasoner(new Configuration(), ontology);
        try {
            if (!reasoner.isConsistent()) {
                return "INCONSISTENT";
            }
            List<String> unsatisfiable = new ArrayList<>();
            for (OWLClass c : reasoner.getUnsatisfiableClasses().getEntitiesMinusBottom()) {
                unsatisfiable.add(c.getIRI().toString());
            }
            Collections.sort(unsatisfiable);
            return unsatisfiable.isEmpty() ? "CONSISTENT" : "UNSATISFIABLE " + String.join(" ", unsatisfiable);
        } finally {
            reasoner.dispose();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: HermitWarm WARM-UP-FILE");
            System.exit(2);
        }
        try {
            verdict(new FileDocumentSource(new File(args[0])));
        } catch (Exception ignored) {
            // a warm-up only: an ontology HermiT cannot read is reported by the real check
        }
        DataInputStream in = new DataInputStream(System.in);
        StringBuilder length = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            length.append((char) c);
        }
        if (length.length() == 0) {
            return;
        }
        byte[] document = new byte[Integer.parseInt(length.toString().trim())];
        in.readFully(document);
        System.out.println(verdict(new StreamDocumentSource(new ByteArrayInputStream(document))));
    }
}
