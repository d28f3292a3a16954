package io.crossbook.server.security;

import io.crossbook.server.api.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User administration, for admins only (API.md "Auth", added). */
@RestController
@RequestMapping("/api/auth/users")
@Tag(name = "auth")
public class UserController {
    private final UserAccounts accounts;

    public UserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user", description = "Passwords need at least 12 characters and at most 72 bytes.")
    public ApiResponse<UserView> create(@Valid @RequestBody NewUser body) {
        AccessTokens.Role role = AccessTokens.Role.of(body.role()).orElseThrow();
        return ApiResponse.ok(UserView.of(accounts.create(body.username(), body.password(), role)));
    }

    @GetMapping
    @Operation(summary = "List users")
    public ApiResponse<List<UserView>> list() {
        return ApiResponse.ok(accounts.list().stream().map(UserView::of).toList());
    }

    @DeleteMapping("/{username}")
    @Operation(summary = "Delete a user", description = "Ends their sessions at once. The last admin cannot be deleted.")
    public ApiResponse<UserView> delete(@PathVariable String username) {
        return ApiResponse.ok(UserView.of(accounts.delete(username)));
    }
}
