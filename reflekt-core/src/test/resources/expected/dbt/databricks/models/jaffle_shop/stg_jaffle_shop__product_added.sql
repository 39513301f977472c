{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('jaffle_shop', 'product_added') }}
),

renamed as (
    select
        cast(id as string) as event_id,
        cast(event_text as string) as event_name,
        cast(original_timestamp as timestamp) as original_tstamp,
        cast(sent_at as timestamp) as sent_at_tstamp,
        cast(received_at as timestamp) as received_at_tstamp,
        cast(timestamp as timestamp) as tstamp,
        cast(anonymous_id as string) as anonymous_id,
        cast(user_id as string) as user_id,
        cast(context_library_name as string) as library_name,
        cast(context_library_version as string) as library_version,
        cast(cart_id as string) as cart_id,
        cast(product_id as string) as product_id,
        cast('track' as string) as call_type,
        cast('jaffle_shop' as string) as source_schema,
        cast('product_added' as string) as source_table,
        cast('jaffle_shop/Product_Added/1-0.json' as string) as schema_id,
        cast('{"code_owner": "web", "product_owner": "checkout"}' as string) as schema_metadata
    from source
)

select * from renamed
