package io.crossbook.server.account;

import io.crossbook.server.api.ApiResponse;
import io.crossbook.server.settings.Exchanges;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/account/{exchange}} (API.md, "Settings, exchanges, account"). */
@RestController
@RequestMapping("/api/account")
public class AccountController {
    private final AccountService accounts;

    public AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/{exchange}")
    public ApiResponse<AccountView> account(@PathVariable String exchange) {
        return ApiResponse.ok(accounts.account(Exchanges.parse("exchange", exchange)));
    }
}
