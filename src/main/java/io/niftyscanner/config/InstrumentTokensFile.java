package io.niftyscanner.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.niftyscanner.market.Instrument;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes {@code instrument_tokens.json} (design.md 5). Accepts the full format and the plain
 * {@code {"RELIANCE": 738561}} map. Writes atomically, so a failed write leaves the old file as it was.
 */
public final class InstrumentTokensFile {
    public static final String MISSING_HINT = "run ./scanner fetch-instruments or File > Fetch instrument tokens";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private InstrumentTokensFile() {}

    public static List<Instrument> load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.getFileName() + " not found: " + MISSING_HINT);
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    public static List<Instrument> parse(String text, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new ConfigException(where + " is not valid JSON" + at + ": " + e.getOriginalMessage()
                    + ". Fix it or " + MISSING_HINT + " to write a new one.", e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(where + " must hold a JSON object; " + MISSING_HINT + " to write a new one.");
        }
        List<Instrument> out = new ArrayList<>();
        if (root.has("instruments")) {
            JsonNode arr = root.get("instruments");
            if (!arr.isArray()) {
                throw new ConfigException(where + ": \"instruments\" must be an array");
            }
            String exchange = root.path("exchange").asText("NSE");
            int i = 0;
            for (JsonNode n : arr) {
                i++;
                String symbol = n.path("symbol").asText("");
                long token = n.path("token").asLong(0);
                if (symbol.isBlank() || token <= 0) {
                    throw new ConfigException(where + ": instrument #" + i + " needs a \"symbol\" and a positive \"token\", found " + n);
                }
                out.add(new Instrument(symbol, token, n.path("name").asText(symbol), n.path("exchange").asText(exchange),
                        n.path("tick_size").asDouble(0.05), n.path("lot_size").asInt(1)));
            }
        } else {
            Iterator<Map.Entry<String, JsonNode>> it = root.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().canConvertToLong() || e.getValue().asLong() <= 0) {
                    throw new ConfigException(where + ": token of " + e.getKey() + " must be a positive number, found " + e.getValue());
                }
                out.add(Instrument.nseEquity(e.getKey(), e.getValue().asLong()));
            }
        }
        checkDuplicates(out, where);
        return List.copyOf(out);
    }

    private static void checkDuplicates(List<Instrument> instruments, String where) {
        Set<String> symbols = new HashSet<>();
        Set<Long> tokens = new HashSet<>();
        for (Instrument in : instruments) {
            if (!symbols.add(in.symbol())) {
                throw new ConfigException(where + ": symbol " + in.symbol() + " appears twice; keep one entry");
            }
            if (!tokens.add(in.token())) {
                throw new ConfigException(where + ": token " + in.token() + " appears twice (second time for " + in.symbol() + ")");
            }
        }
    }

    /** Symbols in the file that are not in the constituents list (reported, not fatal). */
    public static List<String> unknownSymbols(List<Instrument> instruments, List<String> constituents) {
        Set<String> known = new HashSet<>(constituents);
        List<String> unknown = new ArrayList<>();
        for (Instrument in : instruments) {
            if (!known.contains(in.symbol()) && !in.isIndex()) {
                unknown.add(in.symbol());
            }
        }
        return unknown;
    }

    public static String toJson(List<Instrument> instruments, OffsetDateTime generatedAt) {
        ObjectNode root = JSON.createObjectNode();
        root.put("exchange", "NSE");
        root.put("generated_at", generatedAt.toString());
        ArrayNode arr = root.putArray("instruments");
        for (Instrument in : instruments) {
            ObjectNode n = arr.addObject();
            n.put("symbol", in.symbol());
            n.put("token", in.token());
            n.put("name", in.name());
            n.put("tick_size", in.tickSize());
            n.put("lot_size", in.lotSize());
        }
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the file atomically (temp file + rename). */
    public static void save(Path file, List<Instrument> instruments, OffsetDateTime generatedAt) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        AtomicFiles.replace(abs, toJson(instruments, generatedAt));
    }
}
