package dev.wsinspector.ui.composer;

import dev.wsinspector.core.payload.CloseCodes;
import javafx.util.StringConverter;

/** Shows "1000 Normal Closure" in the close-code picker and accepts a typed number ("4001", "4001 mine"). */
final class CloseCodeConverter extends StringConverter<Integer> {

    @Override
    public String toString(Integer code) {
        return code == null ? "" : CloseCodes.describe(code);
    }

    @Override
    public Integer fromString(String text) {
        String digits = text == null ? "" : text.trim().split("\\D", 2)[0];
        try {
            return digits.isEmpty() ? 1000 : Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 1000;
        }
    }
}
