package io.tandem.app.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is: lets a script check its credentials or token. */
@RestController
class MeApiController {

    record Me(String username, String role, String rep) {
    }

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal TandemUser user) {
        return new Me(user.getUsername(), user.role().name(), user.repExternalId());
    }
}
