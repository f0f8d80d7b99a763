package dev.parley.conversation.internal;

import dev.parley.conversation.SavedReplies;
import dev.parley.conversation.SavedReplies.SavedReply;
import dev.parley.platform.Caller;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/saved-replies}: the workspace's canned responses, for the console and API clients alike. */
@RestController
class SavedReplyController {

    static final String ONE = "/v1/saved-replies/{saved_reply_id}";

    private final SavedReplies replies;

    SavedReplyController(SavedReplies replies) {
        this.replies = replies;
    }

    record SavedReplyRequest(String shortcut, String content) {}

    record Deleted(String id, boolean deleted) {}

    @GetMapping("/v1/saved-replies")
    @RequiresScope(Scope.CONVERSATIONS_READ)
    Page<SavedReply> list(
            Caller caller,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        return replies.list(caller, q, PageQuery.of(page, perPage));
    }

    @PostMapping("/v1/saved-replies")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.CONVERSATIONS_WRITE)
    SavedReply create(Caller caller, @RequestBody SavedReplyRequest request) {
        return replies.create(caller, request.shortcut(), request.content());
    }

    @GetMapping(ONE)
    @RequiresScope(Scope.CONVERSATIONS_READ)
    SavedReply get(Caller caller, @PathVariable("saved_reply_id") String id) {
        return replies.get(caller, id);
    }

    @PatchMapping(ONE)
    @RequiresScope(Scope.CONVERSATIONS_WRITE)
    SavedReply update(
            Caller caller, @PathVariable("saved_reply_id") String id, @RequestBody SavedReplyRequest request) {
        return replies.update(caller, id, request.shortcut(), request.content());
    }

    @DeleteMapping(ONE)
    @RequiresScope(Scope.CONVERSATIONS_WRITE)
    Deleted delete(Caller caller, @PathVariable("saved_reply_id") String id) {
        replies.delete(caller, id);
        return new Deleted(id, true);
    }
}
