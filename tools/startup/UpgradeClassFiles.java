import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.constant.ClassDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Java 24+ (java.lang.classfile): copies a jar, rewriting every class file older than Java 6 (major version
 * under 50, e.g. picocli's, compiled for Java 5) as a Java 8 class file (52) with the StackMapTable frames
 * that version needs. The bytecode is not changed otherwise (no jsr/ret: the rewrite fails on them).
 * Why: JDK 25's AOT cache leaves old class files out ("Old class has been linked"), so they are read,
 * parsed and verified from the jar on every start; picocli's ~180 classes were about a third of
 * `ts4kit inspect`'s start on Java 25. Every rewritten class must pass ClassFile.verify, else nothing is written.
 *
 *   java tools/startup/UpgradeClassFiles.java IN.jar OUT.jar
 */
public final class UpgradeClassFiles {
    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        int upgraded = 0;
        try (ZipFile zip = new ZipFile(in.toFile())) {
            Map<ClassDesc, ClassHierarchyResolver.ClassHierarchyInfo> hierarchy = hierarchy(zip);
            ClassHierarchyResolver fromJar = hierarchy::get;
            ClassHierarchyResolver resolver = ClassHierarchyResolver.defaultResolver().orElse(fromJar);
            ClassFile cf = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(resolver));
            ClassTransform toJava8 = (builder, element) -> {
                if (element instanceof ClassFileVersion) {
                    builder.withVersion(ClassFile.JAVA_8_VERSION, 0);
                } else {
                    builder.with(element);
                }
            };
            ClassTransform rewrite = toJava8.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL));
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zout = new ZipOutputStream(os)) {
                for (ZipEntry e : zip.stream().toList()) {
                    byte[] bytes;
                    try (InputStream is = zip.getInputStream(e)) {
                        bytes = is.readAllBytes();
                    }
                    if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                        ClassModel model = cf.parse(bytes);
                        if (model.majorVersion() < ClassFile.JAVA_6_VERSION) {
                            bytes = cf.transformClass(model, rewrite);
                            List<VerifyError> errors = cf.verify(bytes);
                            if (!errors.isEmpty()) {
                                throw new IllegalStateException(e.getName() + ": " + errors.get(0).getMessage());
                            }
                            upgraded++;
                        }
                    }
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTime(e.getTime());
                    zout.putNextEntry(copy);
                    zout.write(bytes);
                    zout.closeEntry();
                }
            }
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("UpgradeClassFiles: " + upgraded + " class files rewritten as Java 8 class files in " + out);
    }

    /** Super class and interface flag of every class in the jar, for stack map frames (merging types). */
    private static Map<ClassDesc, ClassHierarchyResolver.ClassHierarchyInfo> hierarchy(ZipFile zip) throws IOException {
        Map<ClassDesc, ClassHierarchyResolver.ClassHierarchyInfo> map = new HashMap<>();
        ClassFile cf = ClassFile.of();
        for (ZipEntry e : zip.stream().toList()) {
            if (!e.getName().endsWith(".class") || e.getName().startsWith("META-INF/")) {
                continue;
            }
            try (InputStream is = zip.getInputStream(e)) {
                ClassModel m = cf.parse(is.readAllBytes());
                ClassDesc self = m.thisClass().asSymbol();
                boolean isInterface = (m.flags().flagsMask() & ClassFile.ACC_INTERFACE) != 0;
                map.put(self, isInterface ? ClassHierarchyResolver.ClassHierarchyInfo.ofInterface()
                        : ClassHierarchyResolver.ClassHierarchyInfo.ofClass(m.superclass().map(c -> c.asSymbol()).orElse(null)));
            }
        }
        return map;
    }
}
