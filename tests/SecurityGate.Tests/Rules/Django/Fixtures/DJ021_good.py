CSRF_FAILURE_VIEW = "shop.views.csrf_failure"
