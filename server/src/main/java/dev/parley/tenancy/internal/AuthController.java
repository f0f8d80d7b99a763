package dev.parley.tenancy.internal;

import dev.parley.platform.Caller;
import dev.parley.platform.PublicPath;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Console sign-in: email and password give a console token ({@code ct_...}) sent as {@code Authorization: Bearer}
 * like an API key; sign-out ends it. Sign-in needs no key, so it is limited per IP like every keyless request.
 */
@RestController
class AuthController {

    private final Team team;

    AuthController(Team team) {
        this.team = team;
    }

    @Bean
    static PublicPath signInPath() {
        return new PublicPath("/v1/auth/login");
    }

    record LoginRequest(String email, String password, String mode) {}

    record LoginResponse(String token, String tokenType, Instant expiresAt, AgentController.AgentView agent) {}

    @PostMapping("/v1/auth/login")
    LoginResponse login(@RequestBody LoginRequest request) {
        Team.SignedIn signedIn = team.signIn(request.email(), request.password(), request.mode());
        return new LoginResponse(
                signedIn.token(),
                "Bearer",
                signedIn.expiresAt(),
                AgentController.AgentView.of(
                        new Team.Member(signedIn.agent(), new dev.parley.tenancy.AgentWorkloads.Workload(0, 0))));
    }

    @PostMapping("/v1/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(Caller caller) {
        team.signOut(caller);
    }
}
