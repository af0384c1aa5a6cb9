import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What every benchmark program here does the same way: its name=value arguments and its timestamped lines. */
final class Bench {

    private Bench() {
    }

    /** The defaults, overridden by the {@code name=value} arguments. */
    static Map<String, String> settings(Map<String, String> defaults, String[] args) {
        Map<String, String> settings = new LinkedHashMap<>(defaults);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected name=value, not '" + arg + "'");
            }
            settings.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return settings;
    }

    /** A line with the time of day (UTC) in front. */
    static void log(String format, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = Instant.now().toString().substring(11, 19);
        System.arraycopy(args, 0, all, 1, args.length);
        System.out.printf(Locale.ROOT, "[%s] " + format + "%n", all);
    }
}
