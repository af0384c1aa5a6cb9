package org.duban.gateway.devtoken;

import java.time.ZoneOffset;

import org.duban.gateway.api.DevTokensApi;
import org.duban.gateway.api.model.DevToken;
import org.duban.gateway.api.model.DevTokenRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code POST /api/v1/dev/tokens} in the {@code local} profile; elsewhere the path is a 404 problem. */
@RestController
@Profile("local")
class DevTokenController implements DevTokensApi {

    private final DevTokenIssuer issuer;

    DevTokenController(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public Mono<ResponseEntity<DevToken>> issueDevToken(Mono<DevTokenRequest> request, ServerWebExchange exchange) {
        return request
                .map(body -> issuer.issue(new DevTokenClaims(body.getSubject(),
                        body.getRoles().stream().map(role -> role == null ? null : role.getValue()).toList(),
                        body.getUnitId())))
                .map(issued -> ResponseEntity.ok(new DevToken(issued.token(), issued.expiresAt().atOffset(ZoneOffset.UTC))));
    }
}
