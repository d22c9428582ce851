package io.niftyscanner.ui.fx;

import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.util.Duration;

/** Table columns and cells the panes share. */
public final class Cells {
    private static final Duration FLASH = Duration.millis(900);

    private Cells() {}

    /** A text column whose value is computed from the row (for rows that do not change). */
    public static <T> TableColumn<T, String> text(String title, double width, Function<T, String> text) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(text.apply(cd.getValue())));
        return c;
    }

    /** A column bound to a property of the row, so an in-place update repaints the cell and re-sorts the table. */
    public static <T, V> TableColumn<T, V> bound(String title, double width, Function<T, ObservableValue<V>> property) {
        TableColumn<T, V> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> property.apply(cd.getValue()));
        return c;
    }

    /** Right-aligned numbers, formatted; NaN shows as a dash. */
    public static <T> void numeric(TableColumn<T, Number> column, Function<Number, String> format) {
        column.getStyleClass().add("numeric");
        column.setCellFactory(c -> new FlashingCell<>(format, false, false));
    }

    /**
     * Numbers that flash briefly when they change on the same row (green up, red down); {@code signed} colours the
     * value itself by its sign.
     */
    public static <T> void flashing(TableColumn<T, Number> column, Function<Number, String> format, boolean signed) {
        column.getStyleClass().add("numeric");
        column.setCellFactory(c -> new FlashingCell<>(format, true, signed));
    }

    /** Text with a style class per value (e.g. "buy"/"sell", "up"/"down"). */
    public static <T> void styled(TableColumn<T, String> column, Function<String, String> styleClass) {
        column.setCellFactory(c -> new TableCell<>() {
            private String applied;

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                if (applied != null) {
                    getStyleClass().remove(applied);
                    applied = null;
                }
                String cls = empty || item == null ? null : styleClass.apply(item);
                if (cls != null) {
                    getStyleClass().add(cls);
                    applied = cls;
                }
            }
        });
    }

    /** A cell that remembers which row and value it showed, to flash only on a real change of that row's value. */
    private static final class FlashingCell<T> extends TableCell<T, Number> {
        private final Function<Number, String> format;
        private final boolean flash;
        private final boolean signed;
        private final PauseTransition fade = new PauseTransition(FLASH);
        private Object shownRow;
        private double shownValue = Double.NaN;

        FlashingCell(Function<Number, String> format, boolean flash, boolean signed) {
            this.format = format;
            this.flash = flash;
            this.signed = signed;
            fade.setOnFinished(e -> getStyleClass().removeAll("flash-up", "flash-down"));
        }

        @Override
        protected void updateItem(Number item, boolean empty) {
            super.updateItem(item, empty);
            Object row = getTableRow() == null ? null : getTableRow().getItem();
            getStyleClass().removeAll("up", "down");
            if (empty || item == null) {
                setText(null);
                shownRow = null;
                shownValue = Double.NaN;
                return;
            }
            double v = item.doubleValue();
            setText(format.apply(item));
            if (signed && !Double.isNaN(v) && v != 0) {
                getStyleClass().add(v > 0 ? "up" : "down");
            }
            if (flash && row != null && row == shownRow && !Double.isNaN(shownValue) && !Double.isNaN(v) && v != shownValue) {
                getStyleClass().removeAll("flash-up", "flash-down");
                getStyleClass().add(v > shownValue ? "flash-up" : "flash-down");
                fade.playFromStart();
            } else if (row != shownRow) {
                fade.stop();
                getStyleClass().removeAll("flash-up", "flash-down");
            }
            shownRow = row;
            shownValue = v;
        }
    }
}
