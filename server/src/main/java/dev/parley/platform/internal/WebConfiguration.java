package dev.parley.platform.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.WidgetAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands the authenticated {@link Caller} to handlers and checks {@link RequiresScope} before they run; a publishable
 * key reaches only handlers marked {@link WidgetAccess}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ScopeInterceptor());
    }

    static Caller callerOf(HttpServletRequest request) {
        Object caller = request.getAttribute(RequestAttributes.CALLER);
        if (caller instanceof Caller c) {
            return c;
        }
        throw new ApiException(ErrorCode.INVALID_API_KEY, "error.invalid_api_key.missing", Map.of("reason", "missing"));
    }

    private static final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest,
                WebDataBinderFactory binderFactory) {
            return callerOf(webRequest.getNativeRequest(HttpServletRequest.class));
        }
    }

    private static final class ScopeInterceptor implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod method) {
                RequiresScope required = method.getMethodAnnotation(RequiresScope.class);
                if (required == null) {
                    required = method.getBeanType().getAnnotation(RequiresScope.class);
                }
                if (required != null) {
                    callerOf(request).require(required.value());
                }
                if (actsForACaller(method) && !method.hasMethodAnnotation(WidgetAccess.class)) {
                    Object caller = request.getAttribute(RequestAttributes.CALLER);
                    if (caller instanceof Caller c && c.isPublishable()) {
                        throw new ApiException(
                                ErrorCode.INSUFFICIENT_PERMISSIONS,
                                "error.insufficient_permissions.publishable",
                                Map.of("reason", "publishable_key"));
                    }
                }
            }
            return true;
        }

        private static boolean actsForACaller(HandlerMethod method) {
            for (MethodParameter parameter : method.getMethodParameters()) {
                if (parameter.getParameterType() == Caller.class) {
                    return true;
                }
            }
            return false;
        }
    }
}
