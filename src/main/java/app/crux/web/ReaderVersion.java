package app.crux.web;

import jakarta.enterprise.context.RequestScoped;

/**
 * The data's version as {@link ReaderCacheFilter} read it for this request, for values that stay the
 * same while the data does ({@link PerVersion}); null when the request is not a cached reader GET.
 */
@RequestScoped
public class ReaderVersion {

    private DataVersion.Version version;

    void seen(DataVersion.Version version) {
        this.version = version;
    }

    public DataVersion.Version seen() {
        return version;
    }
}
