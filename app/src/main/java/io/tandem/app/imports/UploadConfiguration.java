package io.tandem.app.imports;

import io.tandem.app.db.UploadFolder;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Boot's multipart settings ({@code spring.servlet.multipart.*}), except that parts larger than the
 * threshold are written to the owner-only upload folder rather than Tomcat's temp folder in
 * java.io.tmpdir, where every local user could read them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UploadConfiguration {

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, UploadFolder uploads) {
        multipart.setLocation(uploads.path().toString());
        return multipart.createMultipartConfig();
    }
}
