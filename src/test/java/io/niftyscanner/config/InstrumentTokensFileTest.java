package io.niftyscanner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niftyscanner.market.Instrument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentTokensFileTest {
    @TempDir
    Path dir;

    @Test
    void missingFileSaysHowToCreateIt() {
        assertThatThrownBy(() -> InstrumentTokensFile.load(dir.resolve("instrument_tokens.json")))
                .hasMessage("instrument_tokens.json not found: run ./scanner fetch-instruments or File > Fetch instrument tokens");
    }

    @Test
    void corruptJsonSaysWhere() throws Exception {
        Path f = dir.resolve("instrument_tokens.json");
        Files.writeString(f, "{\n  \"RELIANCE\": 738561,\n  \"TCS\" 2953217\n}");
        assertThatThrownBy(() -> InstrumentTokensFile.load(f)).hasMessageContaining("line 3").hasMessageContaining("not valid JSON");
    }

    @Test
    void acceptsThePlainMap() {
        List<Instrument> list = InstrumentTokensFile.parse("{\"RELIANCE\": 738561, \"INFY\": 408065}", "x");
        assertThat(list).extracting(Instrument::symbol).containsExactly("RELIANCE", "INFY");
        assertThat(list.get(1).token()).isEqualTo(408065);
    }

    @Test
    void rejectsDuplicates() {
        String json = "{\"exchange\":\"NSE\",\"instruments\":[{\"symbol\":\"TCS\",\"token\":2953217},{\"symbol\":\"TCS\",\"token\":1}]}";
        assertThatThrownBy(() -> InstrumentTokensFile.parse(json, "f")).hasMessageContaining("TCS appears twice");
    }

    @Test
    void saveThenLoadRoundTripsAndReportsUnknownSymbols() throws Exception {
        Path f = dir.resolve("sub/instrument_tokens.json");
        List<Instrument> in = List.of(new Instrument("RELIANCE", 738561, "RELIANCE INDUSTRIES", "NSE", 0.1, 1),
                Instrument.nseEquity("FOO", 12345));
        InstrumentTokensFile.save(f, in, OffsetDateTime.parse("2026-11-25T08:30:00+05:30"));
        String text = Files.readString(f);
        assertThat(text).contains("\"generated_at\" : \"2026-11-25T08:30+05:30\"").contains("\"tick_size\" : 0.1");
        assertThat(InstrumentTokensFile.load(f)).isEqualTo(in);
        assertThat(InstrumentTokensFile.unknownSymbols(in, List.of("RELIANCE"))).containsExactly("FOO");
    }

    @Test
    void shippedFilesAgree() {
        List<Instrument> shipped = InstrumentTokensFile.load(Path.of("instrument_tokens.json"));
        List<String> constituents = Constituents.load(Path.of("config/nifty50.txt"));
        assertThat(shipped).hasSize(constituents.size());
        assertThat(InstrumentTokensFile.unknownSymbols(shipped, constituents)).isEmpty();
        assertThat(shipped).filteredOn(i -> i.symbol().equals("RELIANCE")).extracting(Instrument::token).containsExactly(738561L);
    }

    @Test
    void constituentsRejectGarbageAndDuplicates() {
        assertThat(Constituents.parse(List.of("# c", "reliance", "M&M  # comment", ""), "f")).containsExactly("RELIANCE", "M&M");
        assertThatThrownBy(() -> Constituents.parse(List.of("TCS", "TCS"), "f")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> Constituents.parse(List.of("bad symbol!"), "f")).hasMessageContaining("not a trading symbol");
    }
}
