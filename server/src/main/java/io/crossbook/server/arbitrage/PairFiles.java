package io.crossbook.server.arbitrage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/** A pair file ({@code --pairs}): a JSON array of pair configs as API.md's POST body, each with an {@code id}. */
public final class PairFiles {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private PairFiles() {
    }

    /** Throws {@link IllegalArgumentException} saying what is wrong with the file. */
    public static List<PairRequest> read(Path file) {
        try {
            List<PairRequest> pairs = JSON.readValue(Files.readString(file), new TypeReference<List<PairRequest>>() {
            });
            for (int i = 0; i < pairs.size(); i++) {
                if (pairs.get(i).id() == null) {
                    throw new IllegalArgumentException("--pairs " + file + " [" + i + "]: id is required in a pair file");
                }
            }
            return pairs;
        } catch (IOException e) {
            throw new IllegalArgumentException("--pairs " + file + ": cannot read it: " + e.getMessage(), e);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("--pairs " + file + ": unknown field '" + e.getPropertyName() + "' at "
                    + e.getPathReference() + " (a pair has id, leg1, leg2, threshold, qty, totalAmount, direction, enabled)", e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("--pairs " + file + ": not a JSON array of pair configs: "
                    + e.getOriginalMessage(), e);
        }
    }
}
