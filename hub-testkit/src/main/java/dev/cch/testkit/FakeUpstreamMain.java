package dev.cch.testkit;

/** Runs a fake upstream from the command line: {@code java -cp ... dev.cch.testkit.FakeUpstreamMain [port] [name]}. */
public final class FakeUpstreamMain {
    private FakeUpstreamMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        String name = args.length > 1 ? args[1] : "fake";
        FakeUpstream up = FakeUpstream.start(name, port);
        System.out.println("fake upstream '" + name + "' listening on " + up.baseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(up::close));
        Thread.currentThread().join();
    }
}
