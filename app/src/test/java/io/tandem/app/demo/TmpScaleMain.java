package io.tandem.app.demo;

import java.nio.file.Path;
import java.time.LocalDate;

class TmpScaleMain {
    public static void main(String[] args) {
        long t = System.nanoTime();
        var counts = ScaleData.write(Double.parseDouble(args[0]), 42, LocalDate.of(2026, 11, 24), Path.of(args[1]));
        System.out.println(counts + " in " + (System.nanoTime() - t) / 1_000_000 + " ms, heap used "
                + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1_000_000 + " MB");
    }
}
