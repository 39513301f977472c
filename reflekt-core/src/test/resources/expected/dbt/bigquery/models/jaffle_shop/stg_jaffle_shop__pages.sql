{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('jaffle_shop', 'pages') }}
),

renamed as (
    select
        id as page_id,
        original_timestamp as original_tstamp,
        sent_at as sent_at_tstamp,
        received_at as received_at_tstamp,
        timestamp as tstamp,
        anonymous_id,
        user_id,
        context_library_name as library_name,
        context_library_version as library_version,
        path,
        referrer,
        title,
        cast('page' as string) as call_type,
        cast('jaffle_shop' as string) as source_schema,
        cast('pages' as string) as source_table,
        cast('jaffle_shop/Page_Viewed/1-0.json' as string) as schema_id,
        cast('{"code_owner": "web", "product_owner": "growth"}' as string) as schema_metadata
    from source
)

select * from renamed
