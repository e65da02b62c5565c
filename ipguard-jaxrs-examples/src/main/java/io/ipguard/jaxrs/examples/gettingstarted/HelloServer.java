package io.ipguard.jaxrs.examples.gettingstarted;

import java.net.URI;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

public class HelloServer {
    public static void main(String[] args) throws InterruptedException {
        GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:8081/"), new HelloApplication());
        System.out.println("listening on http://127.0.0.1:8081/");
        Thread.currentThread().join();
    }
}
