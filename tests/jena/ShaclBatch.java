// Validate several data files against one shapes graph with Apache Jena SHACL, in one JVM.
// Usage: java -cp <Jena classpath> ShaclBatch.java SHAPES ONTOLOGY DATA...
// Each data file is validated with the ontology mixed in (as the project's pyshacl run does); one line per
// result: file TAB severity TAB focus TAB path TAB component TAB shape (IRIs; "" for a complex path), each field
// with its backslashes, tabs, line feeds and carriage returns escaped (a literal focus node may hold them).
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Link;

import java.nio.file.Path;

public class ShaclBatch {
    static String text(Node node) {
        if (node == null) return "";
        if (node.isURI()) return node.getURI();
        if (node.isLiteral()) return node.getLiteralLexicalForm();
        return "_:" + node.getBlankNodeLabel();
    }

    static String escaped(String field) {
        return field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    // Read a file into the graph, with its file: URI as the base. Jena's own base for a file name is the name with
    // "file://" before it, not an IRI when the path has a space ("/tmp/with space/..."), which Jena then refuses.
    static Graph read(Graph graph, String file) {
        Path path = Path.of(file);
        RDFParser.source(path).base(path.toAbsolutePath().toUri().toString()).parse(graph);
        return graph;
    }

    public static void main(String[] args) {
        Shapes shapes = Shapes.parse(read(GraphFactory.createDefaultGraph(), args[0]));
        Graph ontology = read(GraphFactory.createDefaultGraph(), args[1]);
        for (int i = 2; i < args.length; i++) {
            Graph data = GraphFactory.createDefaultGraph();
            ontology.find().forEachRemaining(data::add);
            read(data, args[i]);
            ValidationReport report = ShaclValidator.get().validate(shapes, data);
            System.out.println("#\t" + escaped(args[i]) + "\t" + report.conforms());
            for (ReportEntry e : report.getEntries()) {
                String path = e.resultPath() == null ? ""
                        : e.resultPath() instanceof P_Link ? ((P_Link) e.resultPath()).getNode().getURI()
                        : e.resultPath().toString();  // SPARQL syntax, made canonical by scripts/validate/shaclpath.py
                String severity = e.severity().level().getLocalName();
                String component = e.constraint().getComponent().getLocalName();
                System.out.println(String.join("\t", escaped(args[i]), severity, escaped(text(e.focusNode())),
                                               escaped(path), component, escaped(text(e.source()))));
            }
        }
    }
}
